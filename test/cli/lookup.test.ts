import { beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { generatedRun, type GeneratedRun } from '../query/helpers/run-fixture.js';
import { typedValues } from '../query/helpers/run-files.js';

const KEY = 'cli-test-key-longer-than-sixteen';
let run: GeneratedRun;
let hidden: GeneratedRun;

beforeAll(async () => {
  [run, hidden] = await Promise.all([generatedRun(80, 21), generatedRun(40, 21, ['--pseudonymise'], { IDGRAPH_PSEUDONYM_KEY: KEY })]);
});

describe('idgraph lookup', () => {
  describe('should exit 1 with one line', () => {
    test('for an identifier not in the run (nothing on stdout)', () => {
      const result = runCli(['lookup', run.runDir, 'email:Nobody.Here@Example.invalid']);
      expect(result).toStrictEqual({ code: 1, stdout: '', stderr: 'idgraph: email:Nobody.Here@Example.invalid: not in this run\n' });
    });
    test('for an identifier not in the run, with --json (the result on stdout)', () => {
      const result = runCli(['lookup', run.runDir, 'email:nobody@example.invalid', '--json']);
      expect(result.code).toBe(1);
      expect(JSON.parse(result.stdout)).toStrictEqual({ kind: 'not-found', ref: 'email:nobody@example.invalid', reason: 'absent', detail: null });
      expect(result.stderr.split('\n')).toHaveLength(2);
    });
    test('for a directory that is not a run', () => {
      const result = runCli(['lookup', run.files.dir, 'email:a@b.de']);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^idgraph: .*not an idgraph run directory \(no run\.json\).*\n$/);
      expect(result.stderr.split('\n')).toHaveLength(2);
    });
    test('for a pseudonymised run without the key', () => {
      const result = runCli(['lookup', hidden.runDir, 'email:a@b.de'], { IDGRAPH_PSEUDONYM_KEY: '' });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/IDGRAPH_PSEUDONYM_KEY/);
      expect(result.stderr.split('\n')).toHaveLength(2);
    });
    test('for a malformed reference', () => {
      const result = runCli(['lookup', run.runDir, 'anna@example.org']);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^idgraph: anna@example\.org: not a reference; write /);
    });
  });

  describe('should print the customer', () => {
    test('for a value as typed in the input, as text', () => {
      const value = typedValues(run.files.inputs, run.runDir).find((candidate) => candidate.type === 'email')!;
      const result = runCli(['lookup', run.runDir, `email:${value.raw}`]);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^email:${value.raw.replace(/[.+]/g, '\\$&')} -> customer cus_[0-9a-v]{16}\n`));
      expect(result.stdout).toMatch(/permission level [123], \d+ records?/);
    });
    test('for --json, with a stable shape', () => {
      const value = typedValues(run.files.inputs, run.runDir).find((candidate) => candidate.type === 'phone')!;
      const result = runCli(['lookup', run.runDir, `phone:${value.raw}`, '--json']);
      expect(result.code).toBe(0);
      const json = JSON.parse(result.stdout);
      expect(Object.keys(json)).toStrictEqual(['kind', 'ref', 'node', 'holders', 'customer']);
      expect(Object.keys(json.customer)).toStrictEqual(['id', 'permissionLevel', 'records', 'identifiers', 'sources']);
      expect(json.kind).toBe('found');
      expect(result.stdout.endsWith('\n')).toBe(true);
      expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
    });
    test('for a pseudonymised run with the key', () => {
      const value = typedValues(hidden.files.inputs, hidden.runDir).find((candidate) => candidate.type === 'email')!;
      const result = runCli(['lookup', hidden.runDir, `email:${value.raw}`, '--json'], { IDGRAPH_PSEUDONYM_KEY: KEY });
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout).node).toMatch(/^email:ps_[0-9a-f]{32}$/);
    });
  });
});
