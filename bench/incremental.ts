// Benchmark question: how long does an incremental run (--previous + only the new records) take against a full run?
//
// Splits a generated dataset into "old" rows and a small share of "new" rows (by a hash of
// record_id, the same split in every repetition), resolves the old rows once as the previous
// run, then times, in fresh processes one after another:
//   - full:        idgraph resolve <all files>                       (from scratch)
//   - incremental: idgraph resolve <new rows only> --previous <old>  (state carried over)
// Correctness is checked inside: the incremental run must give the same record → customer
// partition as the full run, and every record exactly once.
//
//   npx tsx bench/incremental.ts [--records <n>] [--dataset <dir>] [--share <0..1>] [--repeat <n>]
//                                [--no-fuzzy] [--record] [--work <dir>]
//
// Needs `npm run build` first (it runs bin/idgraph.js, which loads dist/).

import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import { REPO_ROOT } from './lib/datasets.js';
import { appendSection, machineNote } from './lib/results.js';
import { BUILT_CLI, isCliBuilt, runCli } from './lib/run-cli.js';
import { formatRatio, formatSeconds, median } from './lib/stats.js';
import { markdownTable } from './lib/table.js';

const INPUTS = ['shop.csv', 'crm.csv', 'newsletter.csv', 'web.ndjson', 'app.csv'] as const;

const USAGE = `usage: npx tsx bench/incremental.ts [options]
  --records <n>     records to generate when --dataset has no data (default 1000000)
  --dataset <dir>   generator output to use (generated there when missing; default bench/.work/incremental-<n>)
  --share <x>       share of records that are new in the incremental run (default 0.01)
  --repeat <n>      fresh-process runs of each kind; seconds is their median (default 3)
  --no-fuzzy        pass --no-fuzzy to idgraph resolve
  --record          append the table and the command to bench/RESULTS.md
  --work <dir>      where the split inputs and run directories go (default <dataset>/incremental)
  --help            this text`;

interface Options {
  readonly records: number;
  readonly dataset: string;
  readonly share: number;
  readonly repeat: number;
  readonly noFuzzy: boolean;
  readonly record: boolean;
  readonly work: string;
}

function parseOptions(argv: readonly string[]): Options | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      records: { type: 'string', default: '1000000' },
      dataset: { type: 'string' },
      share: { type: 'string', default: '0.01' },
      repeat: { type: 'string', default: '3' },
      'no-fuzzy': { type: 'boolean', default: false },
      record: { type: 'boolean', default: false },
      work: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  const records = Number(values.records);
  const share = Number(values.share);
  const repeat = Number(values.repeat);
  if (!Number.isInteger(records) || records < 10) throw new Error('--records must be an integer ≥ 10');
  if (!(share > 0 && share < 1)) throw new Error('--share must be between 0 and 1');
  if (!Number.isInteger(repeat) || repeat < 1) throw new Error('--repeat must be a positive integer');
  const dataset = values.dataset ?? join(REPO_ROOT, 'bench', '.work', `incremental-${records}`);
  return { records, dataset, share, repeat, noFuzzy: values['no-fuzzy'], record: values.record, work: values.work ?? join(dataset, 'incremental') };
}

/** Whether a record is "new": a fixed hash of its record_id below the share (the same split every time). */
function isNew(recordId: string, share: number): boolean {
  let hash = 2166136261;
  for (let index = 0; index < recordId.length; index++) hash = Math.imul(hash ^ recordId.charCodeAt(index), 16777619) >>> 0;
  return hash / 2 ** 32 < share;
}

/** Splits one input file into `oldDir` and `newDir` by isNew, streaming (CSV through csv-parse/csv-stringify). */
async function splitFile(file: string, oldDir: string, newDir: string, share: number): Promise<{ old: number; fresh: number }> {
  const counts = { old: 0, fresh: 0 };
  if (file.endsWith('.ndjson')) {
    const outs = [createWriteStream(join(oldDir, basename(file))), createWriteStream(join(newDir, basename(file)))] as const;
    for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
      if (line.trim() === '') continue;
      const fresh = isNew(String((JSON.parse(line) as { record_id?: unknown }).record_id ?? ''), share);
      fresh ? counts.fresh++ : counts.old++;
      const out = outs[fresh ? 1 : 0];
      if (!out.write(`${line}\n`)) await once(out, 'drain');
    }
    for (const out of outs) out.end();
    await Promise.all(outs.map((out) => once(out, 'finish')));
    return counts;
  }
  const writers = [stringify(), stringify()] as const;
  const files = [createWriteStream(join(oldDir, basename(file))), createWriteStream(join(newDir, basename(file)))] as const;
  writers[0].pipe(files[0]);
  writers[1].pipe(files[1]);
  let column = -1;
  for await (const row of createReadStream(file).pipe(parse({ bom: true, relax_column_count: true, relax_quotes: true })) as AsyncIterable<string[]>) {
    if (column === -1) {
      column = row.indexOf('record_id');
      writers[0].write(row);
      writers[1].write(row);
      continue;
    }
    const fresh = isNew(row[column] ?? '', share);
    fresh ? counts.fresh++ : counts.old++;
    const writer = writers[fresh ? 1 : 0];
    if (!writer.write(row)) await once(writer, 'drain');
  }
  for (const writer of writers) writer.end();
  await Promise.all(files.map((out) => once(out, 'finish')));
  return counts;
}

/** record key → customer ID from a run's records.csv, as a canonical partition signature. */
async function partitionSignature(runDir: string): Promise<{ records: number; signature: Map<string, string> }> {
  const members = new Map<string, string[]>();
  let records = 0;
  for await (const row of createReadStream(join(runDir, 'records.csv')).pipe(parse({ from_line: 2 })) as AsyncIterable<string[]>) {
    const [recordId = '', source = '', customer = ''] = row;
    records++;
    let list = members.get(customer);
    if (list === undefined) members.set(customer, (list = []));
    list.push(`${source}/${recordId}`);
  }
  // Each record maps to the smallest key of its customer: equal maps ⇔ equal partitions.
  const signature = new Map<string, string>();
  for (const keys of members.values()) {
    keys.sort();
    for (const key of keys) signature.set(key, keys[0]!);
  }
  return { records, signature };
}

async function main(argv: readonly string[]): Promise<number> {
  let options: Options | 'help';
  try {
    options = parseOptions(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 1;
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!isCliBuilt()) {
    process.stderr.write(`skip: ${BUILT_CLI} not found; run npm run build first\n`);
    return 1;
  }
  const { dataset, work, share } = options;
  if (!INPUTS.every((file) => existsSync(join(dataset, file)))) {
    process.stderr.write(`generating ${options.records} records into ${dataset}\n`);
    const generated = spawnSync('npx', ['tsx', 'fixtures/generate.ts', '--records', String(options.records), '--out', dataset], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (generated.status !== 0) return 1;
  }
  const oldDir = join(work, 'old');
  const newDir = join(work, 'new');
  await rm(work, { recursive: true, force: true });
  await mkdir(oldDir, { recursive: true });
  await mkdir(newDir, { recursive: true });
  let oldRows = 0;
  let newRows = 0;
  for (const file of INPUTS) {
    const counts = await splitFile(join(dataset, file), oldDir, newDir, share);
    oldRows += counts.old;
    newRows += counts.fresh;
  }
  process.stderr.write(`split: ${oldRows} old rows, ${newRows} new rows\n`);

  const config = ['--config', join(dataset, 'config.json')];
  const fuzzy = options.noFuzzy ? ['--no-fuzzy'] : [];
  const previous = join(work, 'previous');
  const base = await runCli(['resolve', ...INPUTS.map((file) => join(oldDir, file)), ...config, ...fuzzy, '--out', previous, '--quiet']);
  process.stderr.write(`previous run (old rows): ${formatSeconds(base.seconds)} s\n`);

  const loadBefore = loadavg();
  const fullSeconds: number[] = [];
  const incrementalSeconds: number[] = [];
  const fullOut = join(work, 'full');
  const incrementalOut = join(work, 'incremental');
  for (let repetition = 0; repetition < options.repeat; repetition++) {
    const full = await runCli(['resolve', ...INPUTS.map((file) => join(dataset, file)), ...config, ...fuzzy, '--out', fullOut, '--quiet']);
    fullSeconds.push(full.seconds);
    const incremental = await runCli(['resolve', ...INPUTS.map((file) => join(newDir, file)), ...config, ...fuzzy, '--previous', previous, '--out', incrementalOut, '--quiet']);
    incrementalSeconds.push(incremental.seconds);
    process.stderr.write(`repetition ${repetition + 1}: full ${formatSeconds(full.seconds)} s, incremental ${formatSeconds(incremental.seconds)} s\n`);
  }

  // In-bench correctness: same records, same partition.
  const fullPartition = await partitionSignature(fullOut);
  const incrementalPartition = await partitionSignature(incrementalOut);
  if (fullPartition.records !== incrementalPartition.records) throw new Error(`record counts differ: full ${fullPartition.records}, incremental ${incrementalPartition.records}`);
  for (const [key, representative] of fullPartition.signature) {
    if (incrementalPartition.signature.get(key) !== representative) throw new Error(`partitions differ at record ${key}`);
  }

  const fullMedian = median(fullSeconds);
  const incrementalMedian = median(incrementalSeconds);
  const table = markdownTable(
    ['run', 'input rows', 'records resolved', 'median s', 'ratio to full'],
    [
      ['full (from scratch)', String(oldRows + newRows), String(fullPartition.records), formatSeconds(fullMedian), formatRatio(fullMedian, fullMedian)],
      [`incremental (${(share * 100).toFixed(0)}% new, --previous)`, String(newRows), String(incrementalPartition.records), formatSeconds(incrementalMedian), formatRatio(incrementalMedian, fullMedian)],
    ],
    ['left', 'right', 'right', 'right', 'right'],
  );
  process.stdout.write(`${table}\n`);
  if (options.record) {
    await appendSection({
      title: `Incremental run: ${(share * 100).toFixed(0)}% new records with --previous vs a full run, ${fullPartition.records} records${options.noFuzzy ? ', fuzzy off' : ''}`,
      date: new Date(),
      machine: machineNote(),
      command: `npx tsx bench/incremental.ts ${argv.join(' ')}`.trim(),
      table,
      notes: [
        `Dataset: ${dataset} as written by \`npx tsx fixtures/generate.ts --records ${fullPartition.records} --out <dir>\` (default seed); ${newRows} rows (${(share * 100).toFixed(0)}%) are new by a hash of record_id.`,
        `Median of ${options.repeat} fresh-process run(s) each, full and incremental alternating; wall time including Node start.`,
        'Checked inside: the incremental run gives the same record → customer partition as the full run.',
        `Load average (1, 5, 15 min) before the timed runs: ${loadBefore.map((value) => value.toFixed(1)).join(', ')}; after: ${loadavg().map((value) => value.toFixed(1)).join(', ')} (other processes share the machine; wall times include their contention).`,
        'NOTE: an incremental run re-resolves the previous records together with the new ones (that is what makes it equal to a full run); it saves parsing the old input files, not resolution.',
      ],
    });
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
