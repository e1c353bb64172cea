// `idgraph export neo4j` end to end: the real driver, over Bolt, into a real Cypher engine, checked
// against the run's CSV files and against what the server recorded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cypherStatements } from '../../src/neo4j/cypher-script.js';
import { LOAD_PLAN } from '../../src/neo4j/load-plan.js';
import type { RecordedTransaction } from '../support/bolt-server.js';
import { readCsvFile } from '../helpers/csv.js';
import { cli, engineRows, PASSWORD, resolvedRun, startTestNeo4j, type CliResult, type ResolvedRun, type TestNeo4j } from './neo4j-fixture.js';

const BATCH = 100;

let run: ResolvedRun;
let neo: TestNeo4j;
let first: CliResult;
let second: CliResult;
/** What the server recorded during the first export only. */
let firstTransactions: RecordedTransaction[];
let countsAfterFirst: Record<string, number>;
let countsAfterSecond: Record<string, number>;

const csv = (file: string) => readCsvFile(join(run.dir, file));
const sorted = <T>(items: T[]): T[] => [...items].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

async function graphCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const label of ['Identifier', 'Record', 'Customer', 'RefusedMerge']) {
    counts[label] = Number((await engineRows(neo.engine, `MATCH (n:${label}) RETURN count(n) AS c`))[0]!['c']);
  }
  for (const type of ['LINKED', 'BELONGS_TO', 'REFUSED_FROM', 'REFUSED_TO']) {
    counts[type] = Number((await engineRows(neo.engine, `MATCH ()-[r:${type}]->() RETURN count(r) AS c`))[0]!['c']);
  }
  counts['all nodes'] = Number((await engineRows(neo.engine, 'MATCH (n) RETURN count(n) AS c'))[0]!['c']);
  counts['all relationships'] = Number((await engineRows(neo.engine, 'MATCH ()-[r]->() RETURN count(r) AS c'))[0]!['c']);
  return counts;
}

beforeAll(async () => {
  run = await resolvedRun();
  neo = await startTestNeo4j();
  first = await cli(['export', 'neo4j', run.dir, '--batch-size', String(BATCH)], neo.env);
  firstTransactions = [...neo.server.transactions];
  countsAfterFirst = await graphCounts();
  second = await cli(['export', 'neo4j', run.dir], neo.env);
  countsAfterSecond = await graphCounts();
});

afterAll(async () => {
  await neo?.close();
  await run?.remove();
});

describe('idgraph export neo4j', () => {
  describe('should exit 0 and report what it sent', () => {
    test('for the first export: a summary on stdout, progress per step on stderr', () => {
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(new RegExp(`^exported .* to ${neo.server.uri.replace(/[.]/g, '\\.')} \\(database neo4j\\): \\d+ identifiers, \\d+ records, \\d+ customers, \\d+ links, \\d+ refused merges in \\d+ write transactions of at most ${BATCH} rows`));
      for (const step of LOAD_PLAN) expect(first.stderr).toContain(`export neo4j: ${step.name}: `);
      expect(first.stderr).toContain('export neo4j: schema: ');
    });
  });

  describe('should hold one node per identifier, record, customer and refused merge', () => {
    test('for Identifier: key, type, value and records of every row of identifiers.csv', async () => {
      const expected = csv('identifiers.csv').map((r) => ({ key: `${r['type']}:${r['value']}`, type: r['type'], value: r['value'], records: Number(r['records']) }));
      const actual = await engineRows(neo.engine, 'MATCH (n:Identifier) RETURN n.key AS key, n.type AS type, n.value AS value, n.records AS records');
      expect(expected.length).toBeGreaterThan(100);
      expect(sorted(actual)).toStrictEqual(sorted(expected));
    });

    test('for Record: key, record_id and source of every row of records.csv', async () => {
      const expected = csv('records.csv').map((r) => ({ key: `record:${r['source']}/${r['record_id']}`, record_id: r['record_id'], source: r['source'] }));
      const actual = await engineRows(neo.engine, 'MATCH (n:Record) RETURN n.key AS key, n.record_id AS record_id, n.source AS source');
      expect(sorted(actual)).toStrictEqual(sorted(expected));
    });

    test('for Customer: every column of customers.csv, typed (integers, sources as a list)', async () => {
      const expected = csv('customers.csv').map((r) => ({
        customer_id: r['customer_id'],
        permission_level: Number(r['permission_level']),
        records: Number(r['records']),
        identifiers: Number(r['identifiers']),
        sources: r['sources'] === '' ? [] : r['sources']!.split(';'),
      }));
      const actual = await engineRows(
        neo.engine,
        'MATCH (c:Customer) RETURN c.customer_id AS customer_id, c.permission_level AS permission_level, c.records AS records, c.identifiers AS identifiers, c.sources AS sources',
      );
      expect(sorted(actual)).toStrictEqual(sorted(expected));
    });

    test('for RefusedMerge: every row of refused.csv, junk refusals included', async () => {
      const rows = csv('refused.csv');
      expect(new Set(rows.map((r) => r['rule']))).toStrictEqual(new Set(['consent', 'limit', 'conflict', 'junk']));
      const expected = rows.map((r) => ({ rule: r['rule'], from: r['from'], to: r['to'] === '' ? null : r['to'], detail: r['detail'], weight: Number(r['weight']) }));
      const actual = await engineRows(neo.engine, 'MATCH (m:RefusedMerge) RETURN m.rule AS rule, m.from AS from, m.to AS to, m.detail AS detail, m.weight AS weight');
      expect(sorted(actual)).toStrictEqual(sorted(expected));
    });
  });

  describe('should hold one relationship per link, membership and refused side', () => {
    test('for LINKED: every row of links.csv, record first, with matcher, weight and evidence', async () => {
      const rows = csv('links.csv');
      expect(rows.some((r) => r['to']!.startsWith('record:'))).toBe(true);
      const expected = rows.map((r) => ({ from: r['from'], to: r['to'], matcher: r['matcher'], weight: Number(r['weight']), evidence: r['evidence'] }));
      const actual = await engineRows(
        neo.engine,
        'MATCH (a:Record)-[l:LINKED]->(b) RETURN a.key AS from, b.key AS to, l.matcher AS matcher, l.weight AS weight, l.evidence AS evidence',
      );
      expect(sorted(actual)).toStrictEqual(sorted(expected));
    });

    test('for BELONGS_TO: every record and every identifier with a customer, to that customer', async () => {
      const expected = [
        ...csv('records.csv').map((r) => ({ key: `record:${r['source']}/${r['record_id']}`, customer_id: r['customer_id'] })),
        ...csv('identifiers.csv').filter((r) => r['customer_id'] !== '').map((r) => ({ key: `${r['type']}:${r['value']}`, customer_id: r['customer_id'] })),
      ];
      const actual = await engineRows(neo.engine, 'MATCH (n)-[:BELONGS_TO]->(c:Customer) RETURN n.key AS key, c.customer_id AS customer_id');
      expect(sorted(actual)).toStrictEqual(sorted(expected));
    });

    test('for REFUSED_FROM and REFUSED_TO: both sides of every refusal but junk ones (a junk value is no node)', async () => {
      const expected = csv('refused.csv')
        .filter((r) => r['rule'] !== 'junk')
        .flatMap((r) => [
          { rule: r['rule'], type: 'REFUSED_FROM', side: r['from'] },
          { rule: r['rule'], type: 'REFUSED_TO', side: r['to'] },
        ]);
      const actual = await engineRows(neo.engine, 'MATCH (m:RefusedMerge)-[r]->(x) RETURN m.rule AS rule, type(r) AS type, x.key AS side');
      expect(sorted(actual)).toStrictEqual(sorted(expected));
    });

    test('for the totals: nothing but the model', () => {
      const rows = (file: string) => csv(file).length;
      expect(countsAfterFirst).toStrictEqual({
        Identifier: rows('identifiers.csv'),
        Record: rows('records.csv'),
        Customer: rows('customers.csv'),
        RefusedMerge: rows('refused.csv'),
        LINKED: rows('links.csv'),
        BELONGS_TO: rows('records.csv') + csv('identifiers.csv').filter((r) => r['customer_id'] !== '').length,
        REFUSED_FROM: csv('refused.csv').filter((r) => r['rule'] !== 'junk').length,
        REFUSED_TO: csv('refused.csv').filter((r) => r['rule'] !== 'junk').length,
        'all nodes': rows('identifiers.csv') + rows('records.csv') + rows('customers.csv') + rows('refused.csv'),
        'all relationships': countsAfterFirst['LINKED']! + countsAfterFirst['BELONGS_TO']! + 2 * countsAfterFirst['REFUSED_FROM']!,
      });
    });
  });

  describe('should be idempotent', () => {
    test('for a second export of the same run: exit 0 and every count unchanged', () => {
      expect(second.code, second.stderr).toBe(0);
      expect(countsAfterSecond).toStrictEqual(countsAfterFirst);
    });
  });

  describe('should create constraints and indexes before the first data batch', () => {
    test('for graph/schema.cypher: each statement in its own committed transaction, in file order, before any UNWIND', () => {
      const schema = cypherStatements(readFileSync(join(import.meta.dirname, '..', '..', 'graph', 'schema.cypher'), 'utf8'));
      expect(schema.filter((s) => s.startsWith('CREATE CONSTRAINT'))).toHaveLength(4);
      const firstData = firstTransactions.findIndex((t) => t.queries.some((q) => q.query.startsWith('UNWIND')));
      const before = firstTransactions.slice(0, firstData).filter((t) => t.queries.length > 0);
      expect(before.map((t) => [t.queries.map((q) => q.query), t.outcome, t.database])).toStrictEqual(schema.map((s) => [[s], 'committed', 'neo4j']));
      const later = firstTransactions.slice(firstData).flatMap((t) => t.queries.map((q) => q.query));
      expect(later.filter((q) => q.startsWith('CREATE'))).toStrictEqual([]);
    });
  });

  describe('should send rows in batches of the configured size, one write transaction each', () => {
    test.each(LOAD_PLAN.map((step) => [step.name]))('for %s', (name) => {
      const statement = cypherStatements(readFileSync(join(import.meta.dirname, '..', '..', 'graph', 'load', `${name}.cypher`), 'utf8'))[0]!;
      const batches = firstTransactions.filter((t) => t.queries.some((q) => q.query === statement));
      const sizes = batches.map((t) => (t.queries[0]!.params['rows'] as unknown[]).length);
      const total = sizes.reduce((sum, size) => sum + size, 0);
      const reported = new RegExp(`export neo4j: ${name}: (\\d+) rows`).exec(first.stderr);
      expect(total).toBe(Number(reported?.[1]));
      const full = Math.floor(total / BATCH);
      expect(sizes).toStrictEqual([...Array<number>(full).fill(BATCH), ...(total % BATCH > 0 ? [total % BATCH] : [])]);
      for (const t of batches) {
        expect({ mode: t.mode, accessMode: t.accessMode, database: t.database, queries: t.queries.length, outcome: t.outcome }).toStrictEqual({
          mode: 'explicit',
          accessMode: 'write',
          database: 'neo4j',
          queries: 1,
          outcome: 'committed',
        });
      }
    });

    test('for the default batch size: one transaction per step with rows (the second export)', () => {
      const stepsWithRows = LOAD_PLAN.filter((step) => !new RegExp(`export neo4j: ${step.name}: 0 rows`).test(second.stderr)).length;
      const data = neo.server.transactions.slice(firstTransactions.length).filter((t) => t.queries.some((q) => q.query.startsWith('UNWIND')));
      expect(data).toHaveLength(stepsWithRows);
    });
  });

  describe('should never splice a value into query text', () => {
    test('for every RUN the server received: no value of any run CSV cell occurs in its query', () => {
      const values = new Set<string>();
      for (const file of ['records.csv', 'identifiers.csv', 'customers.csv', 'links.csv', 'refused.csv']) {
        for (const row of csv(file)) for (const value of Object.values(row)) if (value !== '') values.add(value);
      }
      for (const row of csv('identifiers.csv')) values.add(`${row['type']}:${row['value']}`);
      const queries = new Set(neo.server.messages.filter((m) => m.type === 'RUN').map((m) => m.fields[0] as string));
      expect(queries.size).toBeGreaterThan(LOAD_PLAN.length);
      const leaks = [...queries].flatMap((query) => [...values].filter((value) => query.includes(value)).map((value) => ({ query, value })));
      expect(leaks).toStrictEqual([]);
    });
  });

  describe('should never reveal the password', () => {
    test('for stdout, stderr and every message the server recorded', () => {
      for (const text of [first.stdout, first.stderr, second.stdout, second.stderr, JSON.stringify(neo.server.messages)]) {
        expect(text).not.toContain(PASSWORD);
      }
      const hello = neo.server.messages.find((m) => m.type === 'HELLO');
      expect(hello?.fields[0]).toMatchObject({ principal: 'neo4j', credentials: '<redacted>' });
    });
  });
});
