// A big run is never silent: the reading bar, then one line per finished stage (inputs over ~10 MB only).
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateDataset, writeDataset } from '../../fixtures/generate.js';
import { PROGRESS_MIN_BYTES } from '../../src/cli/progress.js';
import { INPUT_FILES } from '../helpers/generated-run.js';
import { runCli } from '../helpers/run-cli.js';

let dir: string;
let inputs: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'idgraph-progress-'));
  await writeDataset(generateDataset({ records: 75_000, seed: 3 }), dir);
  inputs = INPUT_FILES.map((file) => join(dir, file));
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('resolve on an input over the progress threshold', () => {
  test('should show the reading bar, then every stage as it ends, then the summary', async () => {
    let bytes = 0;
    for (const input of inputs) bytes += (await stat(input)).size;
    expect(bytes).toBeGreaterThan(PROGRESS_MIN_BYTES);

    const run = runCli(['resolve', ...inputs, '--config', join(dir, 'config.json'), '--out', join(dir, 'run'), '--no-fuzzy']);
    expect(run.code).toBe(0);
    const lines = run.stderr.split('\n');
    const at = (pattern: RegExp) => lines.findIndex((line) => pattern.test(line));
    expect(at(/^reading \[.*\] 100% \|/)).toBeGreaterThanOrEqual(0);
    const order = ['read', 'normalise', 'match', 'resolve', 'assemble', 'ids'].map((stage) => at(new RegExp(`^${stage} done in \\d+\\.\\d s$`)));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toStrictEqual(order);
    expect(at(/^writing .*run \(CSV files, query index, state, report\)$/)).toBeGreaterThan(order.at(-1)!);
    expect(at(/^write done in /)).toBeLessThan(at(/^rows: 75,000 read/));
  }, 120_000);

  test('should print no stage lines with --quiet', () => {
    const run = runCli(['resolve', ...inputs, '--config', join(dir, 'config.json'), '--out', join(dir, 'quiet'), '--no-fuzzy', '--quiet']);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/done in|reading \[/);
  }, 120_000);
});

describe('resolve on a small input', () => {
  test('should print the summary only', async () => {
    const small = await mkdtemp(join(tmpdir(), 'idgraph-progress-small-'));
    await writeDataset(generateDataset({ people: 30, seed: 3 }), small);
    const run = runCli(['resolve', ...INPUT_FILES.map((file) => join(small, file)), '--config', join(small, 'config.json'), '--out', join(small, 'run')]);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/done in|reading \[/);
    expect(run.stderr).toMatch(/^rows: /m);
    await rm(small, { recursive: true, force: true });
  });
});
