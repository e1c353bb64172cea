// CSV writer benchmark: the run files' hand quoting (src/output/csv-file.ts) against csv-stringify's stream.
//
//   npx tsx bench/csv-writer.ts [--rows N] [--repeat R] [--record]
//
// Both format the same rows (records.csv's shape: record_id, source, customer_id, plus a number)
// into text in memory, so only formatting is measured; medians of R rounds in one process,
// alternating the two.
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify';
import { csvLine } from '../src/output/csv-file.js';
import { appendSection, machineNote } from './lib/results.js';
import { median } from './lib/stats.js';
import { markdownTable } from './lib/table.js';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '1000000' }, repeat: { type: 'string', default: '5' }, record: { type: 'boolean', default: false } },
});
const rowCount = Number(values.rows);
const repeat = Number(values.repeat);
if (!Number.isInteger(rowCount) || rowCount < 1 || !Number.isInteger(repeat) || repeat < 1) {
  process.stderr.write('bench/csv-writer: --rows and --repeat must be positive whole numbers\n');
  process.exit(1);
}

const rows = Array.from({ length: rowCount }, (_, index) => [`r${index}`, index % 7 === 0 ? 'web,shop' : 'shop', `cus_${(index * 7919).toString(36).padStart(16, '0')}`, index] as const);

async function viaCsvStringify(): Promise<number> {
  const stringifier = stringify();
  let chars = 0;
  stringifier.on('data', (chunk: Buffer) => (chars += chunk.length));
  for (const row of rows) if (!stringifier.write(row)) await once(stringifier, 'drain');
  stringifier.end();
  await once(stringifier, 'end');
  return chars;
}

function viaCsvLine(): number {
  let chars = 0;
  let chunk = '';
  for (const row of rows) {
    chunk += csvLine(row);
    if (chunk.length >= 1 << 20) {
      chars += chunk.length;
      chunk = '';
    }
  }
  return chars + chunk.length;
}

const seconds = { stringify: [] as number[], line: [] as number[] };
let sizes: [number, number] = [0, 0];
for (let round = 0; round < repeat; round++) {
  let start = performance.now();
  const a = await viaCsvStringify();
  seconds.stringify.push((performance.now() - start) / 1000);
  start = performance.now();
  const b = viaCsvLine();
  seconds.line.push((performance.now() - start) / 1000);
  sizes = [a, b];
}
if (sizes[0] !== sizes[1]) throw new Error(`the two writers disagree on the output size: ${sizes[0]} vs ${sizes[1]}`);

const stringifySeconds = median(seconds.stringify);
const lineSeconds = median(seconds.line);
const table = markdownTable(
  ['writer', 'rows', 'median s', 'vs csv-stringify'],
  [
    ['csv-stringify (stream, a row per write)', rowCount.toLocaleString('en-US'), stringifySeconds.toFixed(2), '1.00×'],
    ['csvLine (src/output/csv-file.ts)', rowCount.toLocaleString('en-US'), lineSeconds.toFixed(2), `${(lineSeconds / stringifySeconds).toFixed(2)}×`],
  ],
  ['left', 'right', 'right', 'right'],
);
process.stdout.write(`${table}\n`);
if (values.record) {
  await appendSection({
    title: 'CSV writer: hand quoting against csv-stringify',
    date: new Date(),
    machine: machineNote(),
    command: `npx tsx bench/csv-writer.ts --rows ${rowCount} --repeat ${repeat} --record`,
    table,
    notes: [`Same ${sizes[0].toLocaleString('en-US')} characters from both; formatting only (no disk); medians of ${repeat} alternating rounds in one process.`],
  });
  process.stdout.write('recorded in bench/RESULTS.md\n');
}
