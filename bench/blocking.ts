// Benchmark question: does the fuzzy stage's blocking keep the true pairs, and at what cost?
//
// For each dataset it reads the inputs with the project's readers, builds the fuzzy profiles
// as `idgraph resolve` does, runs only the blocking of the configured matchers, and reports
// the candidate pairs, the reduction ratio (share of all pairs never compared), the pair
// completeness (share of true pairs that share a block) and the oversized blocks skipped.
// Runs in-process on src/ (no build needed); the truth is only read to score the blocking.
//
//   npx tsx bench/blocking.ts [--json] [--dataset <name> ...] [--generated <dir>] [--record]

import { realpathSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/index.js';
import { readInputs } from '../src/input/index.js';
import { forEachCandidatePair, FUZZY_MATCHERS, hasFuzzyFields, profileOf, toMatchRecord, type MatchProfile } from '../src/matchers/index.js';
import { normaliseIdentifier } from '../src/normalise/identifier.js';
import { canonicalRecordOrder } from '../src/resolve/canonical-order.js';
import { generatedDataset, locateDatasets, sharedDatasets, SHARED_DATASET_NAMES, type BenchDataset } from './lib/datasets.js';
import { writeGeneratedDataset } from './lib/generated.js';
import { appendSection, machineNote } from './lib/results.js';
import { formatScore } from './lib/stats.js';
import { markdownTable } from './lib/table.js';

const ALL_DATASETS = [...SHARED_DATASET_NAMES, 'generated'] as const;

/** One dataset's blocking outcome. */
export interface BlockingRow {
  readonly dataset: string;
  readonly records: number;
  /** Records with at least one field a fuzzy matcher compares. */
  readonly profiled: number;
  readonly candidatePairs: number;
  /** 1 − candidate pairs / all pairs of profiled records. */
  readonly reductionRatio: number;
  readonly truePairs: number;
  /** True pairs (both records profiled) that share a block. */
  readonly pairCompleteness: number;
  /** True pairs (both records profiled) connected through a chain of candidate pairs. */
  readonly chainCompleteness: number;
  readonly oversizedBlocks: number;
  readonly seconds: number;
  readonly pairsByRule: Readonly<Record<string, number>>;
}

/** Union-find over profile positions, for chain completeness. */
function makeSets(n: number): { find: (x: number) => number; union: (x: number, y: number) => void } {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  return { find, union: (x, y) => void (parent[find(x)] = find(y)) };
}

/**
 * Measures blocking on one dataset.
 * @param dataset the dataset (inputs, config, truth)
 * @returns the row of the table
 */
export async function measureBlocking(dataset: BenchDataset): Promise<BlockingRow> {
  const config = await loadConfig(dataset.config);
  const batch = await readInputs(dataset.inputs, config);
  const records = canonicalRecordOrder(batch.records);
  const profiles: MatchProfile[] = [];
  const recordIdOf: string[] = [];
  records.forEach((record, index) => {
    const emails: string[] = [];
    const phones: string[] = [];
    for (const identifier of record.identifiers) {
      if (identifier.type !== 'email' && identifier.type !== 'phone') continue;
      const result = normaliseIdentifier(identifier.type, identifier.raw, { defaultRegion: config.phone.defaultRegion });
      if (result.ok) (identifier.type === 'email' ? emails : phones).push(result.value);
    }
    const profile = profileOf(toMatchRecord(index, record, emails, phones));
    if (hasFuzzyFields(profile)) {
      profiles.push(profile);
      recordIdOf.push(record.recordId);
    }
  });
  const matchers = FUZZY_MATCHERS.filter((matcher) => config.fuzzy.matchers.includes(matcher.id));
  const candidates = new Set<number>();
  const n = profiles.length;
  const sets = makeSets(n);
  const started = performance.now();
  const stats = forEachCandidatePair(profiles, matchers.flatMap((matcher) => matcher.blocking), config.fuzzy.maxBlockSize, (x, y) => {
    candidates.add(x * n + y);
    sets.union(x, y);
  });
  const seconds = (performance.now() - started) / 1000;

  const truth = dataset.truth();
  const positionsByEntity = new Map<string, number[]>();
  recordIdOf.forEach((recordId, position) => {
    const entity = truth.get(recordId);
    if (entity === undefined) return;
    const positions = positionsByEntity.get(entity) ?? [];
    positions.push(position);
    positionsByEntity.set(entity, positions);
  });
  let truePairs = 0;
  let kept = 0;
  let chained = 0;
  for (const positions of positionsByEntity.values()) {
    for (let i = 0; i < positions.length; i++) {
      for (let j = i + 1; j < positions.length; j++) {
        const [x, y] = positions[i]! < positions[j]! ? [positions[i]!, positions[j]!] : [positions[j]!, positions[i]!];
        truePairs++;
        if (candidates.has(x * n + y)) kept++;
        if (sets.find(x) === sets.find(y)) chained++;
      }
    }
  }
  const allPairs = (n * (n - 1)) / 2;
  return {
    dataset: dataset.name,
    records: records.length,
    profiled: n,
    candidatePairs: stats.candidatePairs,
    reductionRatio: allPairs === 0 ? 1 : 1 - stats.candidatePairs / allPairs,
    truePairs,
    pairCompleteness: truePairs === 0 ? 1 : kept / truePairs,
    chainCompleteness: truePairs === 0 ? 1 : chained / truePairs,
    oversizedBlocks: stats.oversizedBlocks,
    seconds,
    pairsByRule: stats.pairsByRule,
  };
}

const USAGE = `usage: npx tsx bench/blocking.ts [options]
  --dataset <name>   run only this dataset (repeatable): ${ALL_DATASETS.join(', ')}
  --generated <dir>  use this generator output directory instead of generating 2000 persons, seed 7
  --json             one JSON object per dataset on stdout
  --rules            also print candidate pairs per blocking rule
  --record           append the table and the command to bench/RESULTS.md
  --help             this text`;

async function main(argv: readonly string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        dataset: { type: 'string', multiple: true },
        generated: { type: 'string' },
        json: { type: 'boolean', default: false },
        rules: { type: 'boolean', default: false },
        record: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    console.error(`blocking: ${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const wanted = values.dataset ?? [...ALL_DATASETS];
  for (const name of wanted) {
    if (!(ALL_DATASETS as readonly string[]).includes(name)) {
      console.error(`blocking: unknown dataset "${name}"; choose from ${ALL_DATASETS.join(', ')}\n${USAGE}`);
      return 1;
    }
  }
  const work = await mkdtemp(join(tmpdir(), 'idgraph-blocking-'));
  try {
    const datasets: BenchDataset[] = [];
    if (SHARED_DATASET_NAMES.some((name) => wanted.includes(name))) {
      const location = locateDatasets();
      if (location.found) datasets.push(...sharedDatasets(location.dir).filter((d) => wanted.includes(d.name)));
      else console.error(location.skipLine);
    }
    if (wanted.includes('generated')) {
      let dir = values.generated;
      if (dir === undefined) {
        dir = join(work, 'generated-input');
        await writeGeneratedDataset(dir, { people: 2000, seed: 7 });
      }
      datasets.push(generatedDataset(dir));
    }
    const rows: BlockingRow[] = [];
    for (const dataset of datasets) {
      const row = await measureBlocking(dataset);
      rows.push(row);
      if (values.json) console.log(JSON.stringify(row));
    }
    const table = markdownTable(
      ['dataset', 'records', 'profiled', 'candidate pairs', 'reduction ratio', 'true pairs', 'pair completeness', 'chain completeness', 'oversized blocks', 'seconds'],
      rows.map((row) => [
        row.dataset,
        String(row.records),
        String(row.profiled),
        String(row.candidatePairs),
        row.reductionRatio.toFixed(5),
        String(row.truePairs),
        formatScore(row.pairCompleteness),
        formatScore(row.chainCompleteness),
        String(row.oversizedBlocks),
        row.seconds.toFixed(2),
      ]),
      ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    );
    const notes = [
      'profiled: records with a field the fuzzy matchers compare; pairs are counted among them.',
      'pair completeness: true pairs sharing a blocking key; chain completeness: true pairs joined through a chain of candidate pairs.',
      'true pairs of the generated data: its consent-allowed truth, restricted to profiled records.',
    ];
    if (!values.json) {
      console.log(`\n${table}\n`);
      for (const note of notes) console.log(note);
      if (values.rules) for (const row of rows) console.log(`${row.dataset}: ${JSON.stringify(row.pairsByRule)}`);
    }
    if (values.record) {
      await appendSection({
        title: 'Blocking: candidate pairs and pair completeness',
        date: new Date(),
        machine: machineNote(),
        command: ['npx tsx bench/blocking.ts', ...argv].join(' '),
        table,
        notes: notes.map((line) => `- ${line}`),
      });
    }
    return 0;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

// Runs only as a script, so that tests can import measureBlocking.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    console.error(`blocking: FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
