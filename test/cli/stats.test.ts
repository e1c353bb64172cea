import { beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { generatedRun, type GeneratedRun } from '../query/helpers/run-fixture.js';

let run: GeneratedRun;

beforeAll(async () => {
  run = await generatedRun(80, 24);
});

describe('idgraph stats', () => {
  describe('should exit 1 with one line', () => {
    test('for a directory that is not a run', () => {
      const result = runCli(['stats', run.files.dir]);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr.split('\n')).toHaveLength(2);
    });
  });

  describe('should print the statistics', () => {
    test('as text with every section', () => {
      const result = runCli(['stats', run.runDir]);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^run of .*: consent enforce, fuzzy on, not pseudonymised\n/);
      for (const part of ['rows: ', 'permission levels: ', 'refused merges by rule: consent ', 'cluster sizes (', 'largest customers:', 'sources:', 'junk values (']) {
        expect(result.stdout).toContain(part);
      }
    });
    test('as --json with a stable shape', () => {
      const result = runCli(['stats', run.runDir, '--json']);
      expect(result.code).toBe(0);
      const json = JSON.parse(result.stdout);
      expect(Object.keys(json)).toStrictEqual([
        'run',
        'rows',
        'invalidValues',
        'records',
        'customers',
        'identifiers',
        'identifiersWithoutCustomer',
        'links',
        'permissionLevels',
        'clusterSizes',
        'largestCustomers',
        'refusedByRule',
        'sources',
        'junk',
      ]);
      expect(Object.keys(json.largestCustomers[0])).toStrictEqual(['customerId', 'permissionLevel', 'records', 'identifiers', 'sources']);
      expect(Object.keys(json.refusedByRule)).toStrictEqual(['consent', 'limit', 'conflict', 'junk']);
    });
  });
});
