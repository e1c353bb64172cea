import { beforeAll, describe, expect, test } from 'vitest';
import { explain, linkCost, strongestPath } from '../../src/query/explain.js';
import type { LinkView } from '../../src/query/views.js';
import { generatedRun, type GeneratedRun } from './helpers/run-fixture.js';
import { runTables } from './helpers/run-files.js';

const link = (from: string, to: string, weight: number, matcher = 'name'): LinkView => ({ from, to, matcher, weight, evidence: `${matcher} ${weight}` });

describe('linkCost', () => {
  describe('should make stronger links cheaper', () => {
    test('for weights 1 > 0.9 > 0.5 > 0', () => {
      expect(linkCost(1)).toBe(1);
      expect(linkCost(1)).toBeLessThan(linkCost(0.9));
      expect(linkCost(0.9)).toBeLessThan(linkCost(0.5));
      expect(Number.isFinite(linkCost(0))).toBe(true);
    });
  });
});

describe('strongestPath', () => {
  describe('should handle degenerate inputs', () => {
    test('for one node (no hops)', () => {
      expect(strongestPath([], 'email:a', 'email:a')).toStrictEqual([]);
    });
    test('for a node without links', () => {
      expect(strongestPath([link('record:s/1', 'email:a', 1)], 'record:s/1', 'email:b')).toBeNull();
    });
    test('for two unconnected parts', () => {
      expect(strongestPath([link('record:s/1', 'email:a', 1), link('record:s/2', 'email:b', 1)], 'record:s/1', 'record:s/2')).toBeNull();
    });
  });

  describe('should take the strongest chain', () => {
    test('for a strong direct link over two exact hops', () => {
      const links = [link('record:s/1', 'record:s/2', 0.9), link('record:s/1', 'email:a', 1, 'exact-email'), link('record:s/2', 'email:a', 1, 'exact-email')];
      expect(strongestPath(links, 'record:s/1', 'record:s/2')).toStrictEqual([link('record:s/1', 'record:s/2', 0.9)]);
    });
    test('for two exact hops over a weak direct link', () => {
      const links = [link('record:s/1', 'record:s/2', 0.3), link('record:s/1', 'email:a', 1, 'exact-email'), link('email:a', 'record:s/2', 1, 'exact-email')];
      expect(strongestPath(links, 'record:s/1', 'record:s/2')).toStrictEqual([
        link('record:s/1', 'email:a', 1, 'exact-email'),
        link('email:a', 'record:s/2', 1, 'exact-email'),
      ]);
    });
    test('for hops stored in the other direction (oriented along the path)', () => {
      expect(strongestPath([link('email:a', 'record:s/1', 1, 'exact-email')], 'record:s/1', 'email:a')).toStrictEqual([
        { from: 'record:s/1', to: 'email:a', matcher: 'exact-email', weight: 1, evidence: 'exact-email 1' },
      ]);
    });
  });
});

describe('explain', () => {
  let run: GeneratedRun;
  let tables: ReturnType<typeof runTables>;
  beforeAll(async () => {
    run = await generatedRun(200, 5);
    tables = runTables(run.runDir);
  });

  describe('should refuse', () => {
    test('for a reference that names nothing', async () => {
      await expect(explain(run.runDir, 'email:nobody@example.invalid', `record:${tables.records[0]!.record_id}`)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
    test('for a customer ID (not a node)', async () => {
      await expect(explain(run.runDir, tables.customers[0]!.customer_id!, 'email:a@b.de')).rejects.toMatchObject({ code: 'USAGE' });
    });
  });

  describe('should give the path inside one customer', () => {
    test('for a node and itself (no hops)', async () => {
      const ref = `record:${tables.records[0]!.source}/${tables.records[0]!.record_id}`;
      expect(await explain(run.runDir, ref, ref)).toMatchObject({ kind: 'path', hops: [], strength: 1 });
    });

    test('for two identifiers of every customer with several, through real links of links.csv', async () => {
      const byCustomer = new Map<string, Record<string, string>[]>();
      for (const row of tables.identifiers) byCustomer.set(row.customer_id!, [...(byCustomer.get(row.customer_id!) ?? []), row]);
      const links = new Set(tables.links.flatMap((row) => [`${row.from}|${row.to}|${row.matcher}|${row.weight}`, `${row.to}|${row.from}|${row.matcher}|${row.weight}`]));
      const pairs = [...byCustomer].filter(([, rows]) => rows.length >= 2);
      expect(pairs.length).toBeGreaterThan(10);
      for (const [customerId, rows] of pairs) {
        const [first, last] = [rows[0]!, rows[rows.length - 1]!];
        const result = await explain(run.runDir, `${first.type}:${first.value}`, `${last.type}:${last.value}`);
        expect(result.kind).toBe('path');
        if (result.kind !== 'path') continue;
        expect(result.customerId).toBe(customerId);
        expect(result.hops.length).toBeGreaterThanOrEqual(2);
        expect(result.hops[0]!.from).toBe(`${first.type}:${first.value}`);
        expect(result.hops[result.hops.length - 1]!.to).toBe(`${last.type}:${last.value}`);
        result.hops.forEach((hop, index) => {
          if (index > 0) expect(hop.from).toBe(result.hops[index - 1]!.to);
          expect(links.has(`${hop.from}|${hop.to}|${hop.matcher}|${hop.weight}`)).toBe(true);
        });
      }
    });
  });

  describe('should name the refused merge between two customers', () => {
    test('for the sides of refused.csv rows of every rule', async () => {
      const rows = tables.refused.filter((row) => row.from_customer !== '' && row.to_customer !== '' && row.from_customer !== row.to_customer);
      const rules = new Set(rows.map((row) => row.rule));
      expect(rules.has('consent')).toBe(true);
      for (const rule of rules) {
        const row = rows.find((candidate) => candidate.rule === rule)!;
        const result = await explain(run.runDir, row.from!, row.to!);
        expect(result.kind).toBe('refused');
        if (result.kind !== 'refused') continue;
        expect(result.a.customerId).toBe(row.from_customer);
        expect(result.b.customerId).toBe(row.to_customer);
        expect(result.refused).toContainEqual({
          from: row.from,
          to: row.to,
          rule: row.rule,
          detail: row.detail,
          matcher: row.matcher,
          weight: Number(row.weight),
          fromCustomer: row.from_customer,
          toCustomer: row.to_customer,
        });
      }
    });
  });

  describe('should say when nothing links two customers', () => {
    test('for two records of customers with no refused merge between them', async () => {
      const touched = new Set(tables.refused.flatMap((row) => [`${row.from_customer}|${row.to_customer}`, `${row.to_customer}|${row.from_customer}`]));
      const [a, b] = [tables.records[0]!, tables.records.find((row) => row.customer_id !== tables.records[0]!.customer_id && !touched.has(`${tables.records[0]!.customer_id}|${row.customer_id}`))!];
      const result = await explain(run.runDir, `record:${a.source}/${a.record_id}`, `record:${b.source}/${b.record_id}`);
      expect(result).toStrictEqual({
        kind: 'none',
        a: { ref: `record:${a.source}/${a.record_id}`, node: `record:${a.source}/${a.record_id}`, customerId: a.customer_id },
        b: { ref: `record:${b.source}/${b.record_id}`, node: `record:${b.source}/${b.record_id}`, customerId: b.customer_id },
      });
    });
  });
});
