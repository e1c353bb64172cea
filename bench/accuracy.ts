// Benchmark question: how accurately does `idgraph resolve` cluster duplicate-heavy person data?
//
// For each dataset it runs the built CLI in fresh processes (one after another), reads
// records.csv, checks every truth record is there and every repetition gave the same
// clustering, and reports pairwise precision/recall/F1 and B-cubed F1 against the ground truth,
// with the median wall time and its ratio to the CLI's start time measured in the same run.
//
//   npx tsx bench/accuracy.ts [--json] [--dataset <name> ...] [--no-fuzzy] [--record]
//                             [--repeat <n>] [--generated <dir>] [--keep]
//
// Needs `npm run build` first (it runs bin/idgraph.js, which loads dist/).

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  generatedDataset,
  locateDatasets,
  sharedDatasets,
  SHARED_DATASET_NAMES,
  type BenchDataset,
} from './lib/datasets.js';
import { writeGeneratedDataset } from './lib/generated.js';
import { evaluate, type ClusterMetrics, type Labelling } from './lib/metrics.js';
import { assertCoversTruth, firstDifference, readPredictions } from './lib/predictions.js';
import { appendSection, machineNote } from './lib/results.js';
import { BUILT_CLI, isCliBuilt, runCli } from './lib/run-cli.js';
import { formatRatio, formatScore, formatSeconds, median } from './lib/stats.js';
import { markdownTable } from './lib/table.js';

const ALL_DATASETS = [...SHARED_DATASET_NAMES, 'generated'] as const;
const GENERATED_PERSONS = 2000;
const GENERATED_SEED = 7;

const USAGE = `usage: npx tsx bench/accuracy.ts [options]
  --dataset <name>   run only this dataset (repeatable): ${ALL_DATASETS.join(', ')}
  --json             one JSON object per dataset on stdout, notes on stderr
  --no-fuzzy         pass --no-fuzzy to idgraph resolve
  --repeat <n>       fresh-process runs per dataset; seconds is their median (default 3)
  --generated <dir>  evaluate this generator output directory instead of generating
                     ${GENERATED_PERSONS} persons with seed ${GENERATED_SEED}
  --record           append the table and the command to bench/RESULTS.md
  --keep             keep the run directories (printed at the end)
  --help             this text`;

/** One dataset's outcome, as printed. */
interface Row {
  readonly dataset: string;
  readonly metrics: ClusterMetrics;
  readonly seconds: number;
}

class UsageError extends Error {}

interface Options {
  readonly json: boolean;
  readonly datasets: readonly string[];
  readonly noFuzzy: boolean;
  readonly repeat: number;
  readonly generated: string | undefined;
  readonly record: boolean;
  readonly keep: boolean;
}

function parseOptions(argv: readonly string[]): Options | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        json: { type: 'boolean', default: false },
        dataset: { type: 'string', multiple: true },
        'no-fuzzy': { type: 'boolean', default: false },
        repeat: { type: 'string', default: '3' },
        generated: { type: 'string' },
        record: { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values } = parsed;
  if (values.help) return 'help';
  const datasets = values.dataset ?? [...ALL_DATASETS];
  for (const name of datasets) {
    if (!(ALL_DATASETS as readonly string[]).includes(name)) {
      throw new UsageError(`unknown dataset "${name}"; choose from ${ALL_DATASETS.join(', ')}`);
    }
  }
  const repeat = Number(values.repeat);
  if (!Number.isInteger(repeat) || repeat < 1) throw new UsageError('--repeat must be a whole number >= 1');
  return {
    json: values.json,
    datasets,
    noFuzzy: values['no-fuzzy'],
    repeat,
    generated: values.generated,
    record: values.record,
    keep: values.keep,
  };
}

/** Quotes an argument for the recorded command line when the shell would need it. */
function shellQuote(arg: string): string {
  return /^[\w./=:@-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}

/** Fails loudly when the truth does not have the counts its SOURCE.md (or a first count) gave. */
function checkExpected(dataset: BenchDataset, truth: Labelling): void {
  if (dataset.expected === undefined) return;
  const { records, pairs } = evaluate(truth, truth);
  if (records !== dataset.expected.records || pairs.truePairs !== dataset.expected.truePairs) {
    throw new Error(
      `${dataset.name}: truth has ${records} records and ${pairs.truePairs} true pairs, ` +
        `expected ${dataset.expected.records} and ${dataset.expected.truePairs}; has the data changed?`,
    );
  }
}

async function main(argv: readonly string[]): Promise<number> {
  let options: Options | 'help';
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`accuracy: ${error.message}\n${USAGE}`);
    return 1;
  }
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  const opts = options;
  // Notes go to stderr with --json, so stdout stays one JSON object per line.
  const note = (line: string): void => (opts.json ? console.error(line) : console.log(line));

  if (!isCliBuilt()) {
    console.error(`accuracy: ${BUILT_CLI} not found; run \`npm run build\` first`);
    return 1;
  }

  const work = await mkdtemp(join(tmpdir(), 'idgraph-accuracy-'));
  let failed = false;
  try {
    const datasets: BenchDataset[] = [];
    const wantedShared = SHARED_DATASET_NAMES.filter((name) => opts.datasets.includes(name));
    if (wantedShared.length > 0) {
      const location = locateDatasets();
      if (location.found) {
        datasets.push(...sharedDatasets(location.dir).filter((d) => opts.datasets.includes(d.name)));
      } else {
        note(location.skipLine);
      }
    }
    if (opts.datasets.includes('generated')) {
      if (opts.generated !== undefined) {
        datasets.push(generatedDataset(opts.generated));
      } else {
        const dir = join(work, 'generated-input');
        await writeGeneratedDataset(dir, { people: GENERATED_PERSONS, seed: GENERATED_SEED });
        datasets.push(generatedDataset(dir));
      }
    }
    if (datasets.length === 0) return 0;

    const byConsent = new Map<string, string[]>();
    for (const d of datasets) {
      const key = `--consent ${d.consent} (${d.consentReason})`;
      byConsent.set(key, [...(byConsent.get(key) ?? []), d.name]);
    }
    const consentNotes = [...byConsent].map(([how, names]) => `consent: ${how} for ${names.join(', ')}`);
    for (const line of consentNotes) note(line);

    // Baseline in the same run: the CLI's fixed cost (Node start, module loading).
    const startRuns: number[] = [];
    for (let i = 0; i < opts.repeat; i++) startRuns.push((await runCli(['--help'])).seconds);
    const startSeconds = median(startRuns);

    const rows: Row[] = [];
    for (const dataset of datasets) {
      const truth = dataset.truth();
      checkExpected(dataset, truth);
      const seconds: number[] = [];
      let first: Labelling | undefined;
      for (let run = 1; run <= opts.repeat; run++) {
        const out = join(work, `${dataset.name}-${run}`);
        const args = [
          'resolve',
          ...dataset.inputs,
          '--out',
          out,
          '--config',
          dataset.config,
          '--consent',
          dataset.consent,
          ...(opts.noFuzzy ? ['--no-fuzzy'] : []),
        ];
        const result = await runCli(args);
        seconds.push(result.seconds);
        const predicted = readPredictions(join(out, 'records.csv'));
        assertCoversTruth(truth, predicted, `${dataset.name} (run directory ${out})`);
        if (first === undefined) {
          first = predicted;
        } else {
          const differs = firstDifference(first, predicted);
          if (differs !== undefined) {
            throw new Error(`${dataset.name}: run ${run} clustered record ${differs} differently from run 1; resolve is not deterministic`);
          }
          if (!opts.keep) await rm(out, { recursive: true, force: true });
        }
      }
      const row: Row = { dataset: dataset.name, metrics: evaluate(truth, first!), seconds: median(seconds) };
      rows.push(row);
      if (opts.json) {
        console.log(
          JSON.stringify({
            dataset: row.dataset,
            records: row.metrics.records,
            precision: row.metrics.pairwise.precision,
            recall: row.metrics.pairwise.recall,
            f1: row.metrics.pairwise.f1,
            bcubed_f1: row.metrics.bcubed.f1,
            seconds: Math.round(row.seconds * 1000) / 1000,
          }),
        );
      } else {
        console.error(`${dataset.name}: done (${opts.repeat} run(s))`);
      }
    }

    const table = markdownTable(
      ['dataset', 'records', 'precision', 'recall', 'F1', 'B-cubed F1', 'seconds', '× start'],
      rows.map((row) => [
        row.dataset,
        String(row.metrics.records),
        formatScore(row.metrics.pairwise.precision),
        formatScore(row.metrics.pairwise.recall),
        formatScore(row.metrics.pairwise.f1),
        formatScore(row.metrics.bcubed.f1),
        formatSeconds(row.seconds),
        formatRatio(row.seconds, startSeconds),
      ]),
      ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    );
    const notes = [
      `seconds: median wall time of ${opts.repeat} fresh \`idgraph resolve\` process(es), Node start included.`,
      `× start: seconds / median wall time of \`idgraph --help\` in the same run (${formatSeconds(startSeconds)} s).`,
      'precision/recall/F1 are pairwise (over record pairs); B-cubed F1 averages per record.',
      ...consentNotes,
    ];
    if (!opts.json) {
      console.log(`\n${table}\n`);
      for (const line of notes.slice(0, 3)) console.log(line);
    }
    if (opts.record) {
      await appendSection({
        title: `Accuracy: idgraph resolve${opts.noFuzzy ? ' --no-fuzzy' : ''}`,
        date: new Date(),
        machine: machineNote(),
        command: ['npx tsx bench/accuracy.ts', ...argv.map(shellQuote)].join(' '),
        table,
        notes: notes.map((line) => `- ${line}`),
      });
      note('recorded in bench/RESULTS.md');
    }
    return 0;
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    if (opts.keep || failed) console.error(`run directories kept in ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(`accuracy: FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
