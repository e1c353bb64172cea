// Every named query of graph/queries, run with `idgraph cypher <name> --param …` through the driver
// against the Bolt test server holding an exported run, gives the answer the embedded commands
// (lookup, customer, explain, stats) give on the same run, or, where no embedded twin exists, the
// answer computed here from the run's CSV files.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { namedQueryNames } from '../../src/neo4j/named-queries.js';
import { readCsvFile } from '../helpers/csv.js';
import { cli, PASSWORD, resolvedRun, startTestNeo4j, type ResolvedRun, type TestNeo4j } from './neo4j-fixture.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed CLI output, checked field by field

let run: ResolvedRun;
let neo: TestNeo4j;

beforeAll(async () => {
  run = await resolvedRun();
  neo = await startTestNeo4j();
  const exported = await cli(['export', 'neo4j', run.dir], neo.env);
  if (exported.code !== 0) throw new Error(exported.stderr);
});

afterAll(async () => {
  await neo?.close();
  await run?.remove();
});

const csv = (file: string) => readCsvFile(join(run.dir, file));

/** `idgraph cypher <name> --param k=v … --json` on the test server: the rows. */
async function cypher(name: string, params: Record<string, string | number> = {}): Promise<Json[]> {
  const args = ['cypher', name, '--json', ...Object.entries(params).flatMap(([key, value]) => ['--param', `${key}=${value}`])];
  const result = await cli(args, neo.env);
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout + result.stderr).not.toContain(PASSWORD);
  return JSON.parse(result.stdout) as Json[];
}

/** An embedded command with --json on the run directory. */
async function embedded(...args: string[]): Promise<Json> {
  const result = await cli([...args.slice(0, 1), run.dir, ...args.slice(1), '--json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Json;
}

/** JSON with object keys sorted, so equal values give equal text whatever their key order. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item) ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : 1))) : item,
  );
const byJson = <T>(items: readonly T[]): T[] => [...items].sort((a, b) => (canonical(a) < canonical(b) ? -1 : 1));
const every = <T>(items: readonly T[], count: number): T[] => items.filter((_, index) => index % Math.max(1, Math.floor(items.length / count)) === 0).slice(0, count);
const refusedFromEmbedded = (r: Json) => ({
  rule: r.rule, detail: r.detail, from: r.from, to: r.to === '' ? null : r.to, matcher: r.matcher, weight: r.weight, from_customer: r.fromCustomer, to_customer: r.toCustomer,
});

describe('the named queries against the exported run', () => {
  describe('should answer as idgraph lookup', () => {
    test('for customer-by-identifier on every tenth identifier', async () => {
      const identifiers = every(csv('identifiers.csv'), 30);
      expect(identifiers.length).toBeGreaterThan(20);
      for (const row of identifiers) {
        const key = `${row['type']}:${row['value']}`;
        const [fromNeo4j, ...more] = await cypher('customer-by-identifier', { key });
        const lookup = await embedded('lookup', key);
        expect(more).toStrictEqual([]);
        expect({
          key: fromNeo4j.key, records: fromNeo4j.records, customer_id: fromNeo4j.customer_id, permission_level: fromNeo4j.permission_level,
          customer_records: fromNeo4j.customer_records, customer_identifiers: fromNeo4j.customer_identifiers, sources: fromNeo4j.sources,
        }).toStrictEqual({
          key: lookup.node, records: lookup.holders, customer_id: lookup.customer.id, permission_level: lookup.customer.permissionLevel,
          customer_records: lookup.customer.records, customer_identifiers: lookup.customer.identifiers, sources: lookup.customer.sources,
        });
      }
    });

    test('for an identifier the run does not hold: no row (lookup: not-found)', async () => {
      expect(await cypher('customer-by-identifier', { key: 'email:nobody@nowhere.invalid' })).toStrictEqual([]);
      const lookup = await cli(['lookup', run.dir, 'email:nobody@nowhere.invalid', '--json']);
      expect(JSON.parse(lookup.stdout)).toMatchObject({ kind: 'not-found' });
    });
  });

  describe('should answer as idgraph customer', () => {
    test('for customer-360 on the largest customers, customers with refusals and single-record ones', async () => {
      const customers = csv('customers.csv');
      const refused = csv('refused.csv');
      const chosen = new Set([
        ...[...customers].sort((a, b) => Number(b['records']) - Number(a['records'])).slice(0, 5).map((c) => c['customer_id']!),
        ...refused.filter((r) => r['from_customer'] !== '').slice(0, 5).map((r) => r['from_customer']!),
        ...customers.filter((c) => c['records'] === '1').slice(0, 3).map((c) => c['customer_id']!),
      ]);
      for (const id of chosen) {
        const [fromNeo4j, ...more] = await cypher('customer-360', { customer_id: id });
        const { customer } = await embedded('customer', id);
        expect(more).toStrictEqual([]);
        expect({
          customer_id: fromNeo4j.customer_id,
          permission_level: fromNeo4j.permission_level,
          sources: fromNeo4j.sources,
          identifiers: byJson(fromNeo4j.identifiers.map((i: Json) => ({ type: i.type, value: i.value, records: i.records }))),
          records: byJson(fromNeo4j.records.map((r: Json) => ({ source: r.source, recordId: r.record_id }))),
          links: byJson(fromNeo4j.links),
          refused: byJson(fromNeo4j.refused),
        }).toStrictEqual({
          customer_id: customer.id,
          permission_level: customer.permissionLevel,
          sources: customer.sources,
          identifiers: byJson(customer.identifiers),
          records: byJson(customer.records),
          links: byJson(customer.links),
          refused: byJson(customer.refused.map(refusedFromEmbedded)),
        });
      }
    });
  });

  describe('should answer as idgraph explain', () => {
    /** A chain is valid when it runs from `from` to `to` through applied links only. */
    const assertValidChain = (links: Json[], from: string, to: string) => {
      const applied = new Set(csv('links.csv').flatMap((l) => [`${l['from']} ${l['to']} ${l['matcher']}`, `${l['to']} ${l['from']} ${l['matcher']}`]));
      let at = from;
      for (const hop of links) {
        expect(hop.from).toBe(at);
        expect(applied.has(`${hop.from} ${hop.to} ${hop.matcher}`)).toBe(true);
        at = hop.to;
      }
      expect(at).toBe(to);
    };

    const compare = async (from: string, to: string) => {
      const [fromNeo4j] = await cypher('path-between-identifiers', { from, to });
      const why = await embedded('explain', from, to);
      expect([fromNeo4j.kind, fromNeo4j.from_customer, fromNeo4j.to_customer], `${from} ${to}`).toStrictEqual([why.kind, why.a.customerId, why.b.customerId]);
      if (why.kind === 'path') {
        assertValidChain(fromNeo4j.links, from, to);
        expect(fromNeo4j.links).toHaveLength(why.hops.length);
        expect(fromNeo4j.strength).toBeCloseTo(why.strength, 12);
        if (why.hops.length <= 1) expect(fromNeo4j.links).toStrictEqual(why.hops);
      }
      expect(byJson(fromNeo4j.refused)).toStrictEqual(byJson((why.refused ?? []).map(refusedFromEmbedded)));
      return why.kind as string;
    };

    test('for two sides of one customer: a chain as short and as strong as explain finds', async () => {
      const multi = csv('customers.csv').filter((c) => Number(c['records']) >= 3).slice(0, 8);
      expect(multi.length).toBeGreaterThan(3);
      const kinds = new Set<string>();
      for (const c of multi) {
        const { customer } = await embedded('customer', c['customer_id']!);
        const records = customer.records.map((r: Json) => `record:${r.source}/${r.recordId}`);
        const identifiers = customer.identifiers.map((i: Json) => `${i.type}:${i.value}`);
        for (const [a, b] of [[records[0], records.at(-1)], [records[0], identifiers.at(-1)], [identifiers[0], identifiers.at(-1)]]) {
          if (a !== undefined && b !== undefined) kinds.add(await compare(a, b));
        }
      }
      expect(kinds).toStrictEqual(new Set(['path']));
    });

    test('for the two sides of refused merges: the refused merges between their customers', async () => {
      const refused = csv('refused.csv').filter((r) => r['rule'] !== 'junk' && r['from_customer'] !== r['to_customer']);
      const kinds = new Set<string>();
      for (const r of every(refused, 12)) kinds.add(await compare(r['from']!, r['to']!));
      expect(kinds).toStrictEqual(new Set(['refused']));
    });

    test('for records of two customers that nothing connects: none', async () => {
      const refused = csv('refused.csv');
      const touched = new Set(refused.flatMap((r) => [r['from_customer'], r['to_customer']]));
      const untouched = csv('records.csv').filter((r) => !touched.has(r['customer_id']));
      const loners = [untouched[0]!, untouched.find((r) => r['customer_id'] !== untouched[0]!['customer_id'])!];
      expect(await compare(`record:${loners[0]!['source']}/${loners[0]!['record_id']}`, `record:${loners[1]!['source']}/${loners[1]!['record_id']}`)).toBe('none');
    });

    test('for a node and itself: a path of no links', async () => {
      const row = csv('identifiers.csv')[0]!;
      const key = `${row['type']}:${row['value']}`;
      expect(await compare(key, key)).toBe('path');
    });
  });

  describe('should answer as idgraph stats', () => {
    let stats: Json;
    beforeAll(async () => {
      stats = await embedded('stats');
    });

    test('for largest-customers: the same ten customers in the same order', async () => {
      const rows = await cypher('largest-customers', { limit: 10 });
      expect(rows).toStrictEqual(
        stats.largestCustomers.map((c: Json) => ({ customer_id: c.customerId, records: c.records, identifiers: c.identifiers, permission_level: c.permissionLevel, sources: c.sources })),
      );
    });

    test('for refused-merges-by-rule: the count of every rule that refused something', async () => {
      const rows = await cypher('refused-merges-by-rule');
      const expected = Object.entries(stats.refusedByRule as Record<string, number>)
        .filter(([, count]) => count > 0)
        .map(([rule, refused]) => ({ rule, refused }))
        .sort((a, b) => (a.rule < b.rule ? -1 : 1));
      expect(rows).toStrictEqual(expected);
      expect(rows).toHaveLength(4);
    });

    test('for customers-by-permission-level', async () => {
      const rows = await cypher('customers-by-permission-level');
      expect(rows).toStrictEqual(
        Object.entries(stats.permissionLevels as Record<string, number>)
          .filter(([, count]) => count > 0)
          .map(([level, customers]) => ({ permission_level: Number(level), customers })),
      );
    });

    test('for cluster-sizes', async () => {
      const rows = await cypher('cluster-sizes');
      expect(rows).toStrictEqual(stats.clusterSizes.map((s: Json) => ({ records: s.size, customers: s.customers })));
    });

    test('for junk-identifiers: every junk value with its reason', async () => {
      const rows = await cypher('junk-identifiers');
      expect(rows.length).toBeGreaterThan(0);
      expect(rows).toStrictEqual(
        [...stats.junk]
          .sort((a: Json, b: Json) => (a.key < b.key ? -1 : 1))
          .map((j: Json) => ({ key: j.key, matcher: `exact-${j.key.split(':')[0]}`, detail: j.reason === 'placeholder' ? 'placeholder value' : `held by ${j.records} records` })),
      );
    });
  });

  describe('should answer as computed from the run files', () => {
    test('for refused-merges of each rule', async () => {
      for (const rule of ['consent', 'limit', 'conflict', 'junk']) {
        const rows = await cypher('refused-merges', { rule, limit: 100_000 });
        const expected = csv('refused.csv')
          .filter((r) => r['rule'] === rule)
          .map((r) => ({
            rule, detail: r['detail'], from: r['from'], to: r['to'] === '' ? null : r['to'], matcher: r['matcher'], weight: Number(r['weight']),
            from_customer: r['from_customer'] === '' ? null : r['from_customer'], to_customer: r['to_customer'] === '' ? null : r['to_customer'],
            key: `${r['from']}|${r['to']}|${r['matcher']}|${rule}`,
          }))
          .sort((a, b) => (a.key < b.key ? -1 : 1))
          .map(({ key: _key, ...rest }) => rest);
        expect(expected.length, rule).toBeGreaterThan(0);
        expect(rows, rule).toStrictEqual(expected);
      }
    });

    test('for identifiers-shared-by-many-customers: the customers of every record that carries the identifier', async () => {
      const customerOf = new Map(csv('records.csv').map((r) => [`record:${r['source']}/${r['record_id']}`, r['customer_id']!]));
      const carriers = new Map<string, Set<string>>();
      const add = (identifier: string, record: string) => {
        if (!carriers.has(identifier)) carriers.set(identifier, new Set());
        carriers.get(identifier)!.add(customerOf.get(record)!);
      };
      for (const l of csv('links.csv')) if (!l['to']!.startsWith('record:')) add(l['to']!, l['from']!);
      for (const r of csv('refused.csv')) if (r['rule'] !== 'junk' && r['from']!.startsWith('record:') && !r['to']!.startsWith('record:')) add(r['to']!, r['from']!);
      const identifiers = new Map(csv('identifiers.csv').map((i) => [`${i['type']}:${i['value']}`, i]));
      const expected = [...carriers]
        .filter(([, customers]) => customers.size >= 2)
        .map(([key, customers]) => ({ key, type: identifiers.get(key)!['type'], records: Number(identifiers.get(key)!['records']), customers: customers.size, customer_ids: [...customers].sort().slice(0, 10) }))
        .sort((a, b) => b.customers - a.customers || b.records - a.records || (a.key < b.key ? -1 : 1));
      expect(expected.length).toBeGreaterThan(0);
      expect(await cypher('identifiers-shared-by-many-customers', { min_customers: 2, limit: 100_000 })).toStrictEqual(expected);
    });

    test('for over-merge-suspects: size, identifiers, fuzzy links and limit refusals of every customer of 3+ records', async () => {
      const customerOf = new Map(csv('records.csv').map((r) => [`record:${r['source']}/${r['record_id']}`, r['customer_id']!]));
      const identifiers = csv('identifiers.csv');
      const fuzzy = csv('links.csv').filter((l) => l['to']!.startsWith('record:'));
      const refused = csv('refused.csv').filter((r) => r['rule'] === 'limit' || r['rule'] === 'conflict');
      const expected = csv('customers.csv')
        .filter((c) => Number(c['records']) >= 3)
        .map((c) => {
          const id = c['customer_id']!;
          const held = identifiers.filter((i) => i['customer_id'] === id);
          const weights = fuzzy.filter((l) => customerOf.get(l['from']!) === id).map((l) => Number(l['weight']));
          return {
            customer_id: id,
            records: Number(c['records']),
            identifiers: held.length,
            emails: held.filter((i) => i['type'] === 'email').length,
            phones: held.filter((i) => i['type'] === 'phone').length,
            sources: c['sources']!.split(';'),
            fuzzy_links: weights.length,
            weakest_link: weights.length === 0 ? null : Math.min(...weights),
            limit_refusals: refused.filter((r) => r['from_customer'] === id || r['to_customer'] === id).length,
          };
        })
        .sort((a, b) => b.limit_refusals - a.limit_refusals || b.fuzzy_links - a.fuzzy_links || b.records - a.records || (a.customer_id < b.customer_id ? -1 : 1));
      expect(expected.some((c) => c.fuzzy_links > 0)).toBe(true);
      expect(await cypher('over-merge-suspects', { min_records: 3, limit: 100_000 })).toStrictEqual(expected);
    });
  });

  describe('should print what was asked', () => {
    test('for a table without --json: the columns, a rule, one line per row and the row count', async () => {
      const result = await cli(['cypher', 'customers-by-permission-level'], neo.env);
      expect(result.code, result.stderr).toBe(0);
      const lines = result.stdout.trimEnd().split('\n');
      expect(lines[0]).toBe('permission_level  customers');
      expect(lines[1]).toBe('----------------  ---------');
      expect(lines.at(-1)).toMatch(/^\(\d rows?\)$/);
    });

    test('for the transaction: a read, on the configured database, with the query text of the file', async () => {
      const before = neo.server.transactions.length;
      expect((await cli(['cypher', 'cluster-sizes'], { ...neo.env, NEO4J_DATABASE: 'identity' })).code).toBe(0);
      const sent = neo.server.transactions.slice(before).filter((t) => t.queries.length > 0);
      expect(sent.map((t) => ({ accessMode: t.accessMode, database: t.database, outcome: t.outcome, query: t.queries[0]!.query }))).toStrictEqual([
        { accessMode: 'read', database: 'identity', outcome: 'committed', query: 'MATCH (c:Customer)\nRETURN c.records AS records, count(*) AS customers\nORDER BY records' },
      ]);
    });

    test('for --list: every query of graph/queries with its parameters', async () => {
      const result = await cli(['cypher', '--list']);
      expect(result.code).toBe(0);
      for (const name of await namedQueryNames()) expect(result.stdout).toMatch(new RegExp(`^${name}( |$)`, 'm'));
      expect(result.stdout).toContain('largest-customers [limit:int=10]');
    });
  });

  describe('should refuse a bad call with exit 1 and one line, before connecting', () => {
    test.each([
      [['cypher', 'no-such-query'], /^idgraph: no-such-query: no such named query; the queries are .*cluster-sizes/],
      [['cypher', 'customer-360'], /^idgraph: customer-360 needs --param customer_id=<string>/],
      [['cypher', 'largest-customers', '--param', 'limit=ten'], /^idgraph: --param limit: must be a whole number$/],
      [['cypher', 'largest-customers', '--param', 'top=3'], /^idgraph: --param top: largest-customers has the parameters limit$/],
      [['cypher', 'largest-customers', '--param', 'limit'], /^idgraph: --param limit: write name=value$/],
      [['cypher'], /^idgraph: cypher needs a query name/],
    ])('for %j', async (args, message) => {
      const before = neo.server.messages.length;
      const result = await cli(args, neo.env);
      expect([result.code, result.stdout]).toStrictEqual([1, '']);
      expect(result.stderr.trimEnd()).toMatch(message);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(neo.server.messages.length).toBe(before);
    });
  });

  describe('should need a live Neo4j with Graph Data Science for the gds-* queries', () => {
    const gds = ['gds-project-identity-graph', 'gds-wcc-component-sizes', 'gds-wcc-split-customers', 'gds-drop-identity-graph'];
    test.skip.each(gds)(
      '%s: skipped here: it needs the Graph Data Science plugin (gds.* procedures), which the test engine lacks; linted offline in test/graph/lint.test.ts, run in test/neo4j/live.test.ts',
      () => undefined,
    );

    test('for this server without GDS: exit 2 and one line naming the missing plugin', async () => {
      const result = await cli(['cypher', 'gds-project-identity-graph'], neo.env);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^idgraph: Neo4j at bolt:\/\/127\.0\.0\.1:\d+ failed the named query gds-project-identity-graph .*\(Neo\.ClientError\.Procedure\.ProcedureNotFound\): .*needs the Neo4j Graph Data Science plugin/);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    });

    test('for the catalogue: exactly these four need GDS', async () => {
      const result = await cli(['cypher', '--list', '--json']);
      const needing = (JSON.parse(result.stdout) as Json[]).filter((q) => q.requires !== null).map((q) => q.name);
      expect(needing.sort()).toStrictEqual([...gds].sort());
    });
  });
});
