import { beforeAll, describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { loadConfig, type Config } from '../../src/config/index.js';
import { readInputs, type InputRecord } from '../../src/input/index.js';
import { resolve, resolveInParallel } from '../../src/resolve/index.js';
import { generatedFiles } from '../helpers/generated-run.js';
import { shuffle } from '../helpers/shuffle.js';

let records: InputRecord[] = [];
let config: Config;

beforeAll(async () => {
  const files = await generatedFiles(800, 13);
  config = await loadConfig(files.config);
  records = [...(await readInputs(files.inputs, config)).records];
});

describe('resolveInParallel', () => {
  test.prop([fc.integer()], { numRuns: 3 })('should give the result of resolve, whatever the row order (the worker always on)', async (seed) => {
    const input = shuffle(records, seed);
    const parallel = await resolveInParallel(input, { config, consent: 'enforce' }, { minProfiles: 0, cores: 2 });
    expect(parallel).toStrictEqual(resolve(records, { config, consent: 'enforce' }));
    expect(parallel.counts.fuzzyLinksApplied).toBeGreaterThan(0);
  });

  test('should give the result of resolve with fuzzy matching off (no worker)', async () => {
    expect(await resolveInParallel(records, { config, fuzzy: false }, { minProfiles: 0, cores: 2 })).toStrictEqual(resolve(records, { config, fuzzy: false }));
  });

  test('should report its stages in order, as resolve does', async () => {
    const stages: string[] = [];
    await resolveInParallel(records, { config, onStage: (stage) => stages.push(stage) }, { minProfiles: 0, cores: 2 });
    expect(stages).toStrictEqual(['normalise', 'match', 'resolve', 'assemble']);
  });
});
