// A stand-in for `bin/idgraph.js` that lets the accuracy harness run without the engine:
// `resolve <inputs...> --out <dir> --config <file> --consent <mode>` writes records.csv with
// every record its own customer. FAKE_CLI_MODE=drop-first leaves the first record out,
// FAKE_CLI_MODE=fail exits 1. `--help` prints a line. Nothing else is implemented.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parse } from 'csv-parse/sync';

const args = process.argv.slice(2);
if (args[0] === '--help') {
  console.log('fake idgraph');
  process.exit(0);
}
if (args[0] !== 'resolve') {
  console.error(`fake idgraph: unsupported ${args[0]}`);
  process.exit(1);
}
if (process.env.FAKE_CLI_MODE === 'fail') {
  console.error('fake idgraph: failing on purpose');
  process.exit(1);
}
const inputs = [];
const options = {};
for (let i = 1; i < args.length; i++) {
  if (args[i] === '--no-fuzzy') options.noFuzzy = true;
  else if (args[i].startsWith('--')) options[args[i].slice(2)] = args[++i];
  else inputs.push(args[i]);
}
const config = JSON.parse(readFileSync(options.config, 'utf8'));
const columns = config.columns ?? {};
const idColumn = Object.keys(columns).find((column) => columns[column] === 'record_id') ?? 'record_id';
const lines = ['record_id,source,customer_id'];
for (const input of inputs) {
  const source = basename(input, extname(input));
  const rows = extname(input) === '.csv'
    ? parse(readFileSync(input), { columns: true, trim: true, bom: true })
    : readFileSync(input, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line));
  for (const row of rows) {
    lines.push(`${row[idColumn]},${source},cus_${row[idColumn]}`);
  }
}
if (process.env.FAKE_CLI_MODE === 'drop-first') lines.splice(1, 1);
mkdirSync(options.out, { recursive: true });
writeFileSync(join(options.out, 'records.csv'), `${lines.join('\n')}\n`);
