import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { stats } from '../../src/query/stats.js';
import { copyRun, generatedRun, type GeneratedRun } from './helpers/run-fixture.js';
import { runTables } from './helpers/run-files.js';

let run: GeneratedRun;

beforeAll(async () => {
  run = await generatedRun(150, 13);
});

describe('stats', () => {
  describe('should refuse', () => {
    test('for a directory that is not a run', async () => {
      await expect(stats(run.files.dir)).rejects.toMatchObject({ code: 'RUN_DIR_INVALID' });
    });
  });

  describe('should do without report.json', () => {
    test('for a run whose report.json is gone (rows and invalid values null)', async () => {
      const dir = await copyRun(run.runDir);
      await rm(join(dir, 'report.json'));
      expect(await stats(dir)).toMatchObject({ rows: null, invalidValues: null });
    });
  });

  describe('should agree with report.json and customers.csv', () => {
    test('for counts, distributions and refused merges', async () => {
      const report = JSON.parse(readFileSync(join(run.runDir, 'report.json'), 'utf8'));
      const tables = runTables(run.runDir);
      const result = await stats(run.runDir);
      expect(result.records).toBe(report.counts.records);
      expect(result.customers).toBe(report.counts.customers);
      expect(result.identifiers).toBe(report.counts.identifiers);
      expect(result.links).toBe(report.counts.linksApplied);
      expect(result.permissionLevels).toStrictEqual(report.counts.permissionLevels);
      expect(result.refusedByRule).toStrictEqual(report.counts.refusedByRule);
      expect(Object.fromEntries(result.clusterSizes.map(({ size, customers }) => [String(size), customers]))).toStrictEqual(report.counts.clusterSizes);
      expect(result.rows).toStrictEqual({ read: report.rows.read, resolved: report.rows.resolved, rejected: report.rows.rejected });
      expect(result.invalidValues).toBe(report.counts.invalidValues);
      expect(result.junk).toHaveLength(report.counts.junkValues);
      expect(result.sources.map((source) => source.source)).toStrictEqual(['app', 'crm', 'newsletter', 'shop', 'web']);
      expect(result.sources.reduce((sum, source) => sum + source.records, 0)).toBe(tables.records.length);
      const largest = [...tables.customers].sort((a, b) => Number(b.records) - Number(a.records) || (a.customer_id! < b.customer_id! ? -1 : 1)).slice(0, 10);
      expect(result.largestCustomers.map((customer) => customer.customerId)).toStrictEqual(largest.map((row) => row.customer_id));
      expect(result.run).toMatchObject({ consent: 'enforce', pseudonymised: false });
    });
  });
});
