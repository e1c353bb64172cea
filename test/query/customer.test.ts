import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { customer } from '../../src/query/customer.js';
import { copyRun, generatedRun, type GeneratedRun } from './helpers/run-fixture.js';
import { runTables } from './helpers/run-files.js';

let run: GeneratedRun;
let tables: ReturnType<typeof runTables>;

beforeAll(async () => {
  run = await generatedRun(150, 9);
  tables = runTables(run.runDir);
});

const byKey = <T extends { readonly [key: string]: unknown }>(rows: readonly T[], ...keys: (keyof T)[]) =>
  [...rows].sort((a, b) => {
    for (const key of keys) {
      const [x, y] = [String(a[key]), String(b[key])];
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });

describe('customer', () => {
  describe('should refuse', () => {
    test('for an argument that is not a customer ID', async () => {
      await expect(customer(run.runDir, 'email:a@b.de')).rejects.toMatchObject({ code: 'USAGE' });
    });
    test('for a directory that is not a run', async () => {
      await expect(customer(run.files.dir, 'cus_0000000000000000')).rejects.toMatchObject({ code: 'RUN_DIR_INVALID' });
    });
  });

  describe('should say it is not there', () => {
    test('for an unknown ID', async () => {
      expect(await customer(run.runDir, 'cus_0000000000000000')).toStrictEqual({ kind: 'not-found', requested: 'cus_0000000000000000', reason: 'absent' });
    });
  });

  describe('should show what the run files hold for it', () => {
    test('for every customer: records, identifiers, sources, level, links and refused merges', async () => {
      for (const row of tables.customers) {
        const id = row.customer_id!;
        const result = await customer(run.runDir, id);
        expect(result.kind).toBe('found');
        if (result.kind !== 'found') continue;
        const view = result.customer;
        expect(view.id).toBe(id);
        expect(view.permissionLevel).toBe(Number(row.permission_level));
        expect(view.sources).toStrictEqual(row.sources === '' ? [] : row.sources!.split(';'));
        expect(view.records).toStrictEqual(
          byKey(tables.records.filter((record) => record.customer_id === id), 'source', 'record_id').map((record) => ({ source: record.source, recordId: record.record_id })),
        );
        expect(view.records).toHaveLength(Number(row.records));
        expect(view.identifiers).toStrictEqual(
          byKey(tables.identifiers.filter((identifier) => identifier.customer_id === id), 'type', 'value').map((identifier) => ({
            type: identifier.type,
            value: identifier.value,
            records: Number(identifier.records),
          })),
        );
        expect(view.refused).toHaveLength(tables.refused.filter((merge) => merge.from_customer === id || merge.to_customer === id).length);
        const nodes = new Set([...view.records.map((record) => `record:${record.source}/${record.recordId}`), ...view.identifiers.map((identifier) => `${identifier.type}:${identifier.value}`)]);
        for (const link of view.links) expect(nodes.has(link.from) && nodes.has(link.to)).toBe(true);
      }
      const linkCount = (await Promise.all(tables.customers.map(async (row) => {
        const result = await customer(run.runDir, row.customer_id!);
        return result.kind === 'found' ? result.customer.links.length : 0;
      }))).reduce((sum, count) => sum + count, 0);
      expect(linkCount).toBe(tables.links.length);
    });
  });

  describe('should redirect a retired ID', () => {
    test('for an ID merged into a current customer', async () => {
      const dir = await copyRun(run.runDir);
      const current = tables.customers[3]!.customer_id!;
      const step = { oldId: 'cus_0000000000000009', newId: current, event: 'merged', at: '2024-05-01T00:00:00Z' };
      await appendFile(join(dir, 'id_history.csv'), `${step.oldId},${step.newId},${step.event},${step.at}\n`);
      const result = await customer(dir, 'cus_0000000000000009');
      expect(result).toMatchObject({ kind: 'redirected', requested: 'cus_0000000000000009', history: [step] });
      expect(result.kind !== 'not-found' && result.customer.id).toBe(current);
    });
  });
});
