// Scale benchmark: wall time, records/s, peak RSS and stage shares of `idgraph resolve` at growing
// sizes, against a minimal union-find baseline measured in the same run.
//
//   npx tsx bench/scale.ts [--sizes 10000,100000,1000000] [--repeat 3] [--modes fuzzy,no-fuzzy] [--json] [--record]
//
// --modes picks the idgraph runs (both by default: fuzzy matching on, and --no-fuzzy), e.g. one
// mode for a size that takes long (10M). The charts need both and are left out otherwise.
// Data comes from the project's generator (seed 1, bench/generate-scale.ts), cached in
// bench/.work/scale-<n>/ (10M records: ~4.5 min, ~10 GB of memory and 1.8 GB of disk). Every
// measurement is a fresh process timed by /usr/bin/time (peak RSS = its maximum resident set).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { launcherNodeFlags } from './lib/run-cli.js';
import { appendSection, machineNote } from './lib/results.js';
import { median } from './lib/stats.js';
import { markdownTable } from './lib/table.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORK = join(ROOT, 'bench', '.work');
const FILES = ['shop.csv', 'crm.csv', 'newsletter.csv', 'web.ndjson', 'app.csv'];

interface Measurement {
  readonly seconds: number;
  readonly peakMb: number;
  readonly timings: Record<string, number>;
}

function timed(command: readonly string[]): { seconds: number; peakMb: number; stdout: string } {
  const child = spawnSync('/usr/bin/time', ['-f', 'IDGRAPH_TIME %e %M', ...command], { encoding: 'utf8', cwd: ROOT, maxBuffer: 1 << 26 });
  const line = child.stderr.split('\n').find((text) => text.startsWith('IDGRAPH_TIME'));
  if (child.status !== 0 || line === undefined) {
    throw new Error(`benchmark command failed (${child.status}): ${command.join(' ')}\n${child.stderr.slice(-2000)}`);
  }
  const [, seconds, kb] = line.split(' ');
  return { seconds: Number(seconds), peakMb: Number(kb) / 1024, stdout: child.stdout };
}

/** Heap for the generator's process: it holds the whole dataset (~10 GB at 10M records). */
const GENERATOR_HEAP_MB = 20_000;

function dataset(records: number): string {
  const dir = join(WORK, `scale-${records}`);
  if (!existsSync(join(dir, 'config.json'))) {
    process.stderr.write(`generating ${records} records into ${dir}\n`);
    const child = spawnSync(process.execPath, [`--max-old-space-size=${GENERATOR_HEAP_MB}`, '--import', 'tsx', 'bench/generate-scale.ts', String(records), dir], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    if (child.status !== 0) throw new Error(`generating ${records} records failed (exit ${child.status})`);
  }
  return dir;
}

function runIdgraph(dir: string, extra: readonly string[]): Measurement {
  const out = join(WORK, 'scale-out');
  const inputs = FILES.map((file) => join(dir, file));
  const launcher = [process.execPath, ...launcherNodeFlags(join(ROOT, 'bin', 'idgraph.js')), 'bin/idgraph.js'];
  const { seconds, peakMb, stdout } = timed([...launcher, 'resolve', ...inputs, '--config', join(dir, 'config.json'), '--out', out, '--quiet', '--json', ...extra]);
  // The report printed by --json, unlike report.json (written during the write stage), times the write stage too.
  const report = JSON.parse(stdout.trim().split('\n').at(-1)!) as { rows: { read: number; accountedFor: boolean }; timings: Record<string, number> };
  if (!report.rows.accountedFor) throw new Error(`row accounting failed at ${dir}`);
  rmSync(out, { recursive: true, force: true });
  return { seconds, peakMb, timings: report.timings };
}

function runBaseline(dir: string): Measurement {
  const out = join(WORK, 'baseline-out.csv');
  const inputs = FILES.map((file) => join(dir, file));
  const { seconds, peakMb } = timed([process.execPath, '--import', 'tsx', 'bench/baseline-union-find.ts', out, ...inputs]);
  const lines = readFileSync(out, 'utf8').split('\n').filter(Boolean).length;
  rmSync(out, { force: true });
  return { seconds, peakMb, timings: { records: lines } };
}

function summarise(runs: readonly Measurement[]) {
  const stages = Object.keys(runs[0]?.timings ?? {});
  const stageMedians = Object.fromEntries(stages.map((stage) => [stage, median(runs.map((run) => run.timings[stage] ?? 0))]));
  return { seconds: median(runs.map((run) => run.seconds)), peakMb: median(runs.map((run) => run.peakMb)), stages: stageMedians };
}

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000,1000000' },
    repeat: { type: 'string', default: '3' },
    modes: { type: 'string', default: 'fuzzy,no-fuzzy' },
    json: { type: 'boolean', default: false },
    record: { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number);
const repeat = Number(values.repeat);
const modes = new Set(values.modes.split(','));
if (modes.size === 0 || [...modes].some((mode) => mode !== 'fuzzy' && mode !== 'no-fuzzy')) {
  process.stderr.write('bench/scale: --modes takes fuzzy, no-fuzzy or both (comma-separated)\n');
  process.exit(2);
}
const bothModes = modes.size === 2;
if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
  process.stderr.write('bench/scale: the CLI is not built; run `npm run build` first\n');
  process.exit(1);
}

const loadBefore = loadavg();
const rows: string[][] = [];
const chart: { records: number; fuzzy: number; noFuzzy: number; baseline: number; fuzzyMb: number }[] = [];
for (const size of sizes) {
  const dir = dataset(size);
  const fuzzy: Measurement[] = [];
  const deterministic: Measurement[] = [];
  const baseline: Measurement[] = [];
  for (let round = 0; round < repeat; round++) {
    baseline.push(runBaseline(dir));
    if (modes.has('no-fuzzy')) deterministic.push(runIdgraph(dir, ['--no-fuzzy']));
    if (modes.has('fuzzy')) fuzzy.push(runIdgraph(dir, []));
  }
  const b = summarise(baseline);
  for (const [mode, runs] of [['fuzzy on', fuzzy], ['--no-fuzzy', deterministic]] as const) {
    if (runs.length === 0) continue;
    const s = summarise(runs);
    const total = Object.values(s.stages).reduce((sum, ms) => sum + ms, 0) || 1;
    const shares = Object.entries(s.stages).map(([stage, ms]) => `${stage} ${Math.round((100 * ms) / total)}%`).join(', ');
    const result = {
      records: size, mode, seconds: s.seconds, records_per_second: Math.round(size / s.seconds), peak_rss_mb: Math.round(s.peakMb),
      baseline_seconds: b.seconds, baseline_peak_rss_mb: Math.round(b.peakMb), ratio_to_baseline: Number((s.seconds / b.seconds).toFixed(2)), stages_ms: s.stages,
    };
    if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    rows.push([size.toLocaleString('en-US'), mode, s.seconds.toFixed(2), result.records_per_second.toLocaleString('en-US'), String(result.peak_rss_mb), b.seconds.toFixed(2), String(result.baseline_peak_rss_mb), `${result.ratio_to_baseline}×`, shares]);
  }
  if (bothModes) chart.push({ records: size, fuzzy: summarise(fuzzy).seconds, noFuzzy: summarise(deterministic).seconds, baseline: b.seconds, fuzzyMb: summarise(fuzzy).peakMb });
}

const table = markdownTable(
  ['records', 'mode', 'seconds', 'records/s', 'peak RSS MB', 'baseline s', 'baseline MB', 'ratio', 'stage shares'],
  rows,
  ['right', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
);
if (!values.json) process.stdout.write(`${table}\n`);
if (values.record) {
  const labels = chart.map((point) => `"${point.records >= 1e6 ? `${point.records / 1e6}M` : `${point.records / 1e3}k`}"`).join(', ');
  const mermaid = [
    '```mermaid',
    'xychart-beta',
    '  title "idgraph resolve: seconds against records (fuzzy on, --no-fuzzy, baseline)"',
    `  x-axis [${labels}]`,
    '  y-axis "seconds"',
    `  line [${chart.map((point) => point.fuzzy.toFixed(2)).join(', ')}]`,
    `  line [${chart.map((point) => point.noFuzzy.toFixed(2)).join(', ')}]`,
    `  line [${chart.map((point) => point.baseline.toFixed(2)).join(', ')}]`,
    '```',
    '',
    '```mermaid',
    'xychart-beta',
    '  title "idgraph resolve (fuzzy on): peak RSS MB against records"',
    `  x-axis [${labels}]`,
    '  y-axis "MB"',
    `  bar [${chart.map((point) => Math.round(point.fuzzyMb)).join(', ')}]`,
    '```',
  ];
  await appendSection({
    title: 'Scale: idgraph resolve against a minimal union-find baseline',
    date: new Date(),
    machine: machineNote(),
    command: `npx tsx bench/scale.ts --sizes ${values.sizes} --repeat ${repeat}${bothModes ? '' : ` --modes ${values.modes}`} --record`,
    table,
    notes: [
      `Medians of ${repeat} fresh processes per cell, run one after another; peak RSS from /usr/bin/time. Baseline: bench/baseline-union-find.ts (parse, trim+lower-case, union-find, write; no rules).`,
      `Load average (1, 5, 15 min) before: ${loadBefore.map((load) => load.toFixed(1)).join(', ')}; after: ${loadavg().map((load) => load.toFixed(1)).join(', ')} (a single run on this 2-core machine keeps about 2 busy: idgraph uses a worker thread beside the main one).`,
      ...(bothModes ? ['Lines of the first chart, top to bottom in the legend order: fuzzy on, --no-fuzzy, baseline.', '', ...mermaid] : []),
    ],
  });
}
