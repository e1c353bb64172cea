// Measures the fuzzy stage's blocking on a small generated dataset (bench/blocking.ts).
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { measureBlocking } from '../../bench/blocking.js';
import { generatedDataset } from '../../bench/lib/datasets.js';
import { generatedFiles, type GeneratedFiles } from '../helpers/generated-run.js';

let files: GeneratedFiles;
beforeAll(async () => {
  files = await generatedFiles(150, 11);
});
afterAll(async () => {
  await rm(files.dir, { recursive: true, force: true });
});

describe('measureBlocking', () => {
  test('should count candidate pairs and the true pairs they keep', async () => {
    const row = await measureBlocking(generatedDataset(files.dir));
    expect(row.dataset).toBe('generated');
    expect(row.profiled).toBeLessThanOrEqual(row.records);
    expect(row.candidatePairs).toBeGreaterThan(0);
    expect(row.candidatePairs).toBe(Object.values(row.pairsByRule).reduce((sum, pairs) => sum + pairs, 0));
    expect(row.reductionRatio).toBeGreaterThan(0.9);
    expect(row.pairCompleteness).toBeGreaterThan(0.8);
    expect(row.chainCompleteness).toBeGreaterThanOrEqual(row.pairCompleteness);
  });
});
