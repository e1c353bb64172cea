// Drives bench/accuracy.ts end to end with a fake CLI (test/bench/fakes/idgraph-cli.fake.mjs),
// so the harness's own checks are tested without the engine.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, test } from 'vitest';
import { REPO_ROOT } from '../../bench/lib/datasets.js';
import { skipNote, skipShared } from './helpers/shared-datasets.js';

const FAKE_CLI = fileURLToPath(new URL('./fakes/idgraph-cli.fake.mjs', import.meta.url));

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function accuracy(args: readonly string[], mode = ''): Promise<Outcome> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'bench/accuracy.ts', ...args],
      { cwd: REPO_ROOT, env: { ...process.env, IDGRAPH_BENCH_CLI: FAKE_CLI, FAKE_CLI_MODE: mode } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    // A failed run keeps its run directories for inspection; tests clean them up.
    const kept = /run directories kept in (\S+)/.exec(failed.stderr)?.[1];
    if (kept !== undefined) await rm(kept, { recursive: true, force: true });
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

// Concurrent: each test spawns its own processes and temp directories; assertions use the
// test's own `expect`, as vitest requires for concurrent tests.
describe.concurrent('bench/accuracy.ts', () => {
  describe('should fail loudly', () => {
    test('for an unknown dataset, with the usage', async ({ expect }) => {
      const { code, stderr } = await accuracy(['--dataset', 'nope']);
      expect(code).toBe(1);
      expect(stderr).toMatch(/unknown dataset "nope"/);
      expect(stderr).toMatch(/^usage:/m);
    });

    test.skipIf(skipShared)(`for a CLI that exits non-zero, with its stderr${skipNote}`, async ({ expect }) => {
      const { code, stderr } = await accuracy(['--dataset', 'rldata500', '--repeat', '1'], 'fail');
      expect(code).toBe(1);
      expect(stderr).toMatch(/FAILED: idgraph resolve .* exited with 1/);
      expect(stderr).toMatch(/failing on purpose/);
    });

    test.skipIf(skipShared)(`for a records.csv that lacks a truth record${skipNote}`, async ({ expect }) => {
      const { code, stderr } = await accuracy(['--dataset', 'rldata500', '--repeat', '1'], 'drop-first');
      expect(code).toBe(1);
      expect(stderr).toMatch(/rldata500 .*: 1 of 500 truth records are missing from records\.csv \(e\.g\. 1\)/);
    });
  });

  test.skipIf(skipShared)(`should print one JSON object per dataset with --json${skipNote}`, async ({ expect }) => {
    const { code, stdout, stderr } = await accuracy(['--json', '--dataset', 'rldata500', '--repeat', '1']);
    expect(code, stderr).toBe(0);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    expect(Object.keys(lines[0]!)).toStrictEqual(['dataset', 'records', 'precision', 'recall', 'f1', 'bcubed_f1', 'seconds']);
    // The fake puts every record alone: nothing claimed (precision 1), nothing found (recall 0).
    expect(lines[0]).toMatchObject({ dataset: 'rldata500', records: 500, precision: 1, recall: 0, f1: 0 });
    expect(stderr).toMatch(/consent: --consent ignore \(the data has no consent columns\) for rldata500/);
  });

  test('should evaluate a --generated directory against allowed_entity_id, consent enforced', async ({ expect }) => {
    const dir = await mkdtemp(join(tmpdir(), 'idgraph-accuracy-test-'));
    try {
      await writeFile(join(dir, 'config.json'), JSON.stringify({ sources: { crm: 'crm' } }));
      await writeFile(join(dir, 'crm.csv'), 'record_id,email\nr1,a@x.de\nr2,b@x.de\nr3,c@x.de\n');
      await writeFile(join(dir, 'truth.csv'), 'record_id,person_id,allowed_entity_id\nr1,p1,e1\nr2,p1,e2\nr3,p2,e3\n');
      const { code, stdout, stderr } = await accuracy(['--dataset', 'generated', '--generated', dir, '--repeat', '1']);
      expect(code, stderr).toBe(0);
      expect(stdout).toMatch(/consent: --consent enforce \(the generated data carries consent\) for generated/);
      // allowed_entity_id has no pairs and the fake predicts none: every score 1.
      expect(stdout).toMatch(/\| generated \| +3 \| +1\.0000 \| +1\.0000 \| +1\.0000 \| +1\.0000 \|/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
