// Benchmark question: how fast do the embedded queries answer on a large run, and what does their index cost?
//
// Generates a dataset (skipped when the directory exists), resolves it with --no-fuzzy (skipped
// when the run directory exists), then measures in this process what writing the query index
// costs (wall and CPU time, size on disk), and in fresh CLI processes, one after another, the
// median wall time of lookup, customer, explain and stats, CLI start included, with the ratio to
// `idgraph --version` (the start alone) measured in the same run, and the median of the same
// question asked of the library in this process (the index reads alone). Each CLI answer is
// checked against the library's answer for the same question.
//
//   npx tsx bench/query-latency.ts [--records <n>] [--data <dir>] [--run <dir>] [--repeat <n>] [--record]
//
// Needs `npm run build` first (it runs bin/idgraph.js, which loads dist/).

import { createReadStream, existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { generateDataset, writeDataset } from '../fixtures/generate.js';
import {
  customer,
  explain,
  lookup,
  openQueryIndex,
  readIndexSource,
  rewriteQueryIndex,
  stats,
  writeIndexDirectory,
} from '../src/query/index.js';
import { REPO_ROOT } from './lib/datasets.js';
import { appendSection, machineNote } from './lib/results.js';
import { isCliBuilt, runCli } from './lib/run-cli.js';
import { formatRatio, formatSeconds, median } from './lib/stats.js';
import { markdownTable } from './lib/table.js';

const LIBRARY_REPEAT = 20;
const INPUTS = ['shop.csv', 'crm.csv', 'newsletter.csv', 'web.ndjson', 'app.csv'] as const;
const USAGE = `usage: npx tsx bench/query-latency.ts [options]
  --records <n>   records to generate when --data does not exist (default 1000000)
  --data <dir>    generator output (default .scratch/query/g1m; generated when missing)
  --run <dir>     run directory (default <data>-run; resolved with --no-fuzzy when missing)
  --repeat <n>    fresh-process runs per command; the table shows the median (default 5)
  --record        append the table and the command to bench/RESULTS.md
  --help          this text`;

class UsageError extends Error {}

const seconds = (started: number) => (performance.now() - started) / 1000;
const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

/** Total size of the files in a directory, in bytes. */
async function directorySize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir)) total += (await stat(join(dir, entry))).size;
  return total;
}

/** The first `count` data rows of a CSV file, without reading the rest. */
async function headRows(path: string, count: number): Promise<Record<string, string>[]> {
  const lines: string[] = [];
  const reader = createInterface({ input: createReadStream(path) });
  for await (const line of reader) {
    lines.push(line);
    if (lines.length > count) break;
  }
  reader.close();
  return parse(lines.join('\n'), { columns: true }) as Record<string, string>[];
}

/** Runs a command `repeat` times in fresh processes; returns the median seconds and the last stdout. */
async function timed(args: readonly string[], repeat: number): Promise<{ median: number; stdout: string }> {
  const times: number[] = [];
  let stdout = '';
  for (let run = 0; run < repeat; run++) {
    const result = await runCli(args);
    times.push(result.seconds);
    stdout = result.stdout;
  }
  return { median: median(times), stdout };
}

/** Median milliseconds of `repeat` calls of a library query in this process (index reads only, no CLI start). */
async function inProcess(call: () => Promise<unknown>, repeat: number): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < repeat; run++) {
    const started = performance.now();
    await call();
    times.push(performance.now() - started);
  }
  return median(times);
}

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`check failed: ${what}`);
}

async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      records: { type: 'string' },
      data: { type: 'string' },
      run: { type: 'string' },
      repeat: { type: 'string' },
      record: { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const records = Number(values.records ?? 1_000_000);
  const repeat = Number(values.repeat ?? 5);
  if (!Number.isInteger(records) || records < 1) throw new UsageError('--records must be a positive integer');
  if (!Number.isInteger(repeat) || repeat < 1) throw new UsageError('--repeat must be a positive integer');
  const data = resolvePath(REPO_ROOT, values.data ?? '.scratch/query/g1m');
  const runDir = resolvePath(REPO_ROOT, values.run ?? `${data}-run`);
  if (!isCliBuilt()) {
    process.stderr.write('query-latency: dist/ is missing; run `npm run build` first\n');
    return 1;
  }

  if (!existsSync(join(data, 'config.json'))) {
    process.stderr.write(`generating ${records.toLocaleString('en-US')} records into ${data}\n`);
    await writeDataset(generateDataset({ records }), data);
  }
  let resolveSeconds: number | null = null;
  if (!existsSync(join(runDir, 'run.json'))) {
    process.stderr.write(`resolving into ${runDir} (--no-fuzzy)\n`);
    const result = await runCli(['resolve', ...INPUTS.map((file) => join(data, file)), '--config', join(data, 'config.json'), '--out', runDir, '--no-fuzzy', '--quiet']);
    resolveSeconds = result.seconds;
  }

  // Index write cost: rebuild from the CSV files (what forget does), then the write alone, from memory.
  process.stderr.write('measuring the index write\n');
  let started = performance.now();
  await rewriteQueryIndex(runDir);
  const rewriteSeconds = seconds(started);
  const source = await readIndexSource(runDir);
  const scratch = await mkdtemp(join(tmpdir(), 'idgraph-index-bench-'));
  started = performance.now();
  const cpu = process.cpuUsage();
  await writeIndexDirectory(join(scratch, 'index'), source, {});
  const writeSeconds = seconds(started);
  const writeCpu = cpuSeconds(cpu);
  const indexBytes = await directorySize(join(runDir, 'index'));
  const csvBytes = (await Promise.all(['records.csv', 'identifiers.csv', 'customers.csv', 'links.csv', 'refused.csv'].map((file) => stat(join(runDir, file))))).reduce(
    (sum, info) => sum + info.size,
    0,
  );
  await rm(scratch, { recursive: true, force: true });
  check(typeof (await openQueryIndex(runDir)) !== 'string', 'the run has a readable index');

  // The questions: an email as typed in crm.csv, its customer, a path and a refused merge.
  const typed = (await headRows(join(data, 'crm.csv'), 200)).find((row) => (row.email ?? '').trim() !== '');
  check(typed !== undefined, 'crm.csv has an email in its first rows');
  const emailRef = `email:${typed!.email}`;
  const expected = await lookup(runDir, emailRef);
  check(expected.kind !== 'not-found', 'the library finds the email');
  const customerId = expected.kind === 'not-found' ? '' : expected.customer.id;
  const largest = (await stats(runDir)).largestCustomers[0]!;
  const view = await customer(runDir, largest.customerId);
  check(view.kind === 'found' && view.customer.records.length >= 2, 'the largest customer has two records');
  const members = view.kind === 'found' ? view.customer.records : [];
  const pathRefs = [`record:${members[0]!.source}/${members[0]!.recordId}`, `record:${members[members.length - 1]!.source}/${members[members.length - 1]!.recordId}`] as const;
  const refusedRow = (await headRows(join(runDir, 'refused.csv'), 200)).find((row) => row.from_customer !== '' && row.to_customer !== '' && row.from_customer !== row.to_customer);
  check(refusedRow !== undefined, 'refused.csv has a merge between two customers in its first rows');
  const refusedRefs = [refusedRow!.from!, refusedRow!.to!] as const;
  check((await explain(runDir, ...pathRefs)).kind === 'path', 'two records of one customer are joined by a path');
  check((await explain(runDir, ...refusedRefs)).kind === 'refused', 'the refused merge is found');

  process.stderr.write(`timing ${repeat} fresh processes per command\n`);
  const baseline = await timed(['--version'], repeat);
  const commands: { label: string; args: string[]; call: () => Promise<unknown>; verify: (stdout: string) => void }[] = [
    {
      label: 'lookup email:… (as typed in crm.csv)',
      args: ['lookup', runDir, emailRef, '--json'],
      call: () => lookup(runDir, emailRef),
      verify: (stdout) => check((JSON.parse(stdout) as { customer: { id: string } }).customer.id === customerId, 'lookup names the library customer'),
    },
    {
      label: 'customer (largest)',
      args: ['customer', runDir, largest.customerId, '--json'],
      call: () => customer(runDir, largest.customerId),
      verify: (stdout) => check((JSON.parse(stdout) as { kind: string }).kind === 'found', 'customer is found'),
    },
    {
      label: 'explain (path)',
      args: ['explain', runDir, ...pathRefs, '--json'],
      call: () => explain(runDir, ...pathRefs),
      verify: (stdout) => check((JSON.parse(stdout) as { kind: string }).kind === 'path', 'explain gives the path'),
    },
    {
      label: 'explain (refused)',
      args: ['explain', runDir, ...refusedRefs, '--json'],
      call: () => explain(runDir, ...refusedRefs),
      verify: (stdout) => check((JSON.parse(stdout) as { kind: string }).kind === 'refused', 'explain gives the refusal'),
    },
    { label: 'stats', args: ['stats', runDir, '--json'], call: () => stats(runDir), verify: (stdout) => check((JSON.parse(stdout) as { records: number }).records === source.records.length, 'stats counts every record') },
  ];
  const rows: string[][] = [['idgraph --version (start only)', formatSeconds(baseline.median), '1.00×', '']];
  for (const command of commands) {
    const result = await timed(command.args, repeat);
    command.verify(result.stdout);
    const library = await inProcess(command.call, LIBRARY_REPEAT);
    rows.push([command.label, formatSeconds(result.median), formatRatio(result.median, baseline.median), library.toFixed(1)]);
  }

  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
  const table = markdownTable(
    ['command (fresh process, median)', 'seconds', 'vs start', `library call, ms (median of ${LIBRARY_REPEAT})`],
    rows,
    ['left', 'right', 'right', 'right'],
  );
  const notes = [
    `Run: ${source.records.length.toLocaleString('en-US')} records, ${source.customers.length.toLocaleString('en-US')} customers, ${source.links.length.toLocaleString('en-US')} links, ${source.refused.length.toLocaleString('en-US')} refused merges${resolveSeconds === null ? '' : `; resolve took ${formatSeconds(resolveSeconds)} s`}.`,
    `Index write (from memory, as resolve does): ${formatSeconds(writeSeconds)} s wall, ${formatSeconds(writeCpu)} s CPU; rebuild from the CSV files (rewriteQueryIndex, as forget does): ${formatSeconds(rewriteSeconds)} s wall.`,
    `Index size: ${mb(indexBytes)} (the five CSV files it indexes: ${mb(csvBytes)}).`,
    `Load average during the run: ${loadavg().map((load) => load.toFixed(1)).join(', ')} (other processes share the machine; wall times include their contention).`,
  ];
  process.stdout.write(`${table}\n\n${notes.join('\n')}\n`);
  if (values.record) {
    await appendSection({
      title: 'Query latency: lookup, customer, explain, stats on a run directory',
      date: new Date(),
      machine: machineNote(),
      command: `npx tsx bench/query-latency.ts ${argv.join(' ')}`.trim(),
      table,
      notes,
    });
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`query-latency: ${error instanceof UsageError ? `${error.message}\n${USAGE}` : error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
