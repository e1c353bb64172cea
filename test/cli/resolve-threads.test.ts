// The built CLI, which scores fuzzy pairs on a worker thread for big inputs, resolves as the engine does on one thread.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { generateDataset, writeDataset } from '../../fixtures/generate.js';
import { loadConfig, type Config } from '../../src/config/index.js';
import { readInputs, type InputRecord } from '../../src/input/index.js';
import { configuredMatchers, planFuzzyStage } from '../../src/matchers/fuzzy/find-links.js';
import { PARALLEL_MIN_PROFILES } from '../../src/matchers/fuzzy/find-links-parallel.js';
import { normaliseStage } from '../../src/resolve/normalise-stage.js';
import { resolve } from '../../src/resolve/resolve.js';
import { INPUT_FILES } from '../helpers/generated-run.js';
import { runCli } from '../helpers/run-cli.js';

let dir: string;
let inputs: string[];
let config: Config;
let records: readonly InputRecord[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'idgraph-threads-'));
  await writeDataset(generateDataset({ records: 40_000, seed: 21 }), dir);
  inputs = INPUT_FILES.map((file) => join(dir, file));
  config = await loadConfig(join(dir, 'config.json'));
  records = (await readInputs(inputs, config, { parseInWorkerFrom: Infinity })).records;
});

describe('idgraph resolve (built) on an input big enough for the fuzzy worker', () => {
  test('should be big enough for the worker (sanity)', () => {
    const { matchRecords } = normaliseStage(records, config);
    expect(planFuzzyStage(matchRecords, config.fuzzy, configuredMatchers(config.fuzzy)).profiles.length).toBeGreaterThanOrEqual(PARALLEL_MIN_PROFILES);
  });

  test('should give every record the customer the engine gives it on one thread, with the same counts', async () => {
    const out = join(dir, 'run');
    const cli = runCli(['resolve', ...inputs, '--config', join(dir, 'config.json'), '--out', out, '--quiet', '--json']);
    expect(cli.code).toBe(0);
    const oneThread = resolve(records, { config });
    const [, ...rows] = (await readFile(join(out, 'records.csv'), 'utf8')).trimEnd().split('\n');
    const customerOf = Object.fromEntries(rows.map((row) => row.split(',')).map(([recordId, source, customerId]) => [`${source}/${recordId}`, customerId]));
    expect(customerOf).toStrictEqual(Object.fromEntries(oneThread.records.map((record) => [record.recordKey, record.customerId])));
    expect(JSON.parse(cli.stdout).counts).toStrictEqual(oneThread.counts);
    expect(oneThread.counts.fuzzyLinksApplied).toBeGreaterThan(0);
  });
});
