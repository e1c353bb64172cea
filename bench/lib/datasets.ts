// Where the benchmark datasets are, and the catalogue: each dataset's inputs, config and truth.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Labelling } from './metrics.js';
import { loadColumnTruth, loadFebrlTruth } from './truth.js';

/** The repository root (the folder holding bench/). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The folder of the benchmark configs, bench/configs/<dataset>.json. */
export const CONFIG_DIR = fileURLToPath(new URL('../configs/', import.meta.url));

/** The one line printed when the third-party datasets are not there. */
export const DATASETS_SKIP_LINE = 'skip: ../shared/datasets not found (set IDGRAPH_DATASETS)';

/** Where the shared datasets are, or the line to print when they are not. */
export type DatasetsLocation =
  | { readonly found: true; readonly dir: string }
  | { readonly found: false; readonly skipLine: string };

/**
 * Finds the shared datasets: `$IDGRAPH_DATASETS` when set, else `../shared/datasets` next to
 * the repository root.
 * @param env the environment to read (default: process.env)
 * @param repoRoot the repository root (default: this repository)
 * @returns the directory, or the one skip line to print
 */
export function locateDatasets(
  env: NodeJS.ProcessEnv = process.env,
  repoRoot: string = REPO_ROOT,
): DatasetsLocation {
  const override = env['IDGRAPH_DATASETS'];
  const dir = override !== undefined && override !== '' ? resolve(override) : resolve(repoRoot, '../shared/datasets');
  if (existsSync(dir) && statSync(dir).isDirectory()) return { found: true, dir };
  return {
    found: false,
    skipLine:
      override !== undefined && override !== ''
        ? `skip: IDGRAPH_DATASETS=${override} not found`
        : DATASETS_SKIP_LINE,
  };
}

/** How a run treats consent (the CLI's `--consent`). */
export type ConsentMode = 'enforce' | 'strict' | 'ignore';

/** One benchmark dataset: what to resolve, how, and what the right answer is. */
export interface BenchDataset {
  readonly name: string;
  /** Input files, in the order given to `idgraph resolve`. */
  readonly inputs: readonly string[];
  /** The idgraph config mapping the inputs onto the canonical schema. */
  readonly config: string;
  readonly consent: ConsentMode;
  /** Why this consent mode (printed once by the benchmark). */
  readonly consentReason: string;
  /** Loads the ground truth (record id → true entity). */
  readonly truth: () => Labelling;
  /** Counts the truth must have, checked in the benchmark (from SOURCE.md or counted once). */
  readonly expected?: { readonly records: number; readonly truePairs: number };
}

/** The third-party datasets, in benchmark order. */
export const SHARED_DATASET_NAMES = ['febrl1', 'febrl2', 'febrl3', 'febrl4', 'fake_1000', 'rldata500'] as const;
export type SharedDatasetName = (typeof SHARED_DATASET_NAMES)[number];

const NO_CONSENT = 'the data has no consent columns';

/**
 * The catalogue of third-party datasets under a datasets directory.
 * NOTE: expected true-pair counts were counted from the files (febrl1/4: one duplicate per
 * original; RLdata500: fifty duplicates, as its documentation says).
 * @param dir the shared datasets directory (see `locateDatasets`)
 * @returns one entry per name of SHARED_DATASET_NAMES, same order
 */
export function sharedDatasets(dir: string): readonly BenchDataset[] {
  const febrl = (file: string): string => join(dir, 'febrl', file);
  const config = (name: SharedDatasetName): string => join(CONFIG_DIR, `${name}.json`);
  const febrlEntry = (
    name: SharedDatasetName,
    files: readonly string[],
    records: number,
    truePairs: number,
  ): BenchDataset => {
    const inputs = files.map(febrl);
    return {
      name,
      inputs,
      config: config(name),
      consent: 'ignore',
      consentReason: NO_CONSENT,
      truth: () => loadFebrlTruth(inputs),
      expected: { records, truePairs },
    };
  };
  const fake1000 = join(dir, 'splink_fake_1000', 'fake_1000.csv');
  const rldata500 = join(dir, 'rldata', 'RLdata500.csv');
  return [
    febrlEntry('febrl1', ['dataset1.csv'], 1000, 500),
    febrlEntry('febrl2', ['dataset2.csv'], 5000, 1934),
    febrlEntry('febrl3', ['dataset3.csv'], 5000, 6538),
    febrlEntry('febrl4', ['dataset4a.csv', 'dataset4b.csv'], 10000, 5000),
    {
      name: 'fake_1000',
      inputs: [fake1000],
      config: config('fake_1000'),
      consent: 'ignore',
      consentReason: NO_CONSENT,
      truth: () => loadColumnTruth(fake1000, 'unique_id', 'cluster'),
      expected: { records: 1000, truePairs: 2031 },
    },
    {
      name: 'rldata500',
      inputs: [rldata500],
      config: config('rldata500'),
      consent: 'ignore',
      consentReason: NO_CONSENT,
      truth: () => loadColumnTruth(rldata500, 'rec_id', 'identity'),
      expected: { records: 500, truePairs: 50 },
    },
  ];
}

const INPUT_EXTENSIONS = new Set(['.csv', '.ndjson', '.jsonl']);
const NOT_INPUTS = new Set(['truth.csv']);

/**
 * A dataset written by the project's generator (fixtures/generate.ts): every CSV/NDJSON file of
 * the directory except truth.csv is an input, `config.json` is the config, and the truth is
 * `truth.csv`'s `allowed_entity_id` (what consent allows to be one customer, not `person_id`).
 * @param dir the directory the generator wrote
 * @returns the dataset, resolved with consent enforced (the data carries consent)
 * @throws Error when config.json, truth.csv or any input is missing
 */
export function generatedDataset(dir: string): BenchDataset {
  const config = join(dir, 'config.json');
  const truthFile = join(dir, 'truth.csv');
  for (const file of [config, truthFile]) {
    if (!existsSync(file)) throw new Error(`${dir}: no ${file.slice(dir.length + 1)}; is this a generator output directory?`);
  }
  const inputs = readdirSync(dir)
    .filter((file) => INPUT_EXTENSIONS.has(extname(file)) && !NOT_INPUTS.has(file))
    .sort()
    .map((file) => join(dir, file));
  if (inputs.length === 0) throw new Error(`${dir}: no input files (*.csv, *.ndjson besides truth.csv)`);
  return {
    name: 'generated',
    inputs,
    config,
    consent: 'enforce',
    consentReason: 'the generated data carries consent',
    truth: () => loadColumnTruth(truthFile, 'record_id', 'allowed_entity_id'),
  };
}
