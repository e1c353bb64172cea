// Against a real Neo4j, only when NEO4J_URI (+ NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) is set:
// the export, idempotence, the constraints, the named queries, and the GDS scale path when the
// server has the Graph Data Science plugin. It needs an EMPTY database (it refuses any other),
// and removes what it wrote, constraints and indexes included.
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cypherStatements } from '../../src/neo4j/cypher-script.js';
import { readGraphFile } from '../../src/neo4j/graph-assets.js';
import { readCsvFile } from '../helpers/csv.js';
import { cli, resolvedRun, type ResolvedRun } from './neo4j-fixture.js';

const LIVE = Boolean(process.env['NEO4J_URI']);
const SKIP_REASON = 'live Neo4j tests skipped: NEO4J_URI is not set (set NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE of an empty, disposable database to run them)';
if (!LIVE) console.info(SKIP_REASON);

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed CLI output

const env = (): Record<string, string> =>
  Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[0].startsWith('NEO4J_') && entry[1] !== undefined));
const database = () => process.env['NEO4J_DATABASE'] || 'neo4j';

let driver: Driver;
let run: ResolvedRun;

async function scalar(query: string, params: Record<string, unknown> = {}): Promise<unknown> {
  const { records } = await driver.executeQuery(query, params, { database: database() });
  const value = records[0]?.get(0);
  return neo4j.isInt(value) ? value.toNumber() : value;
}

async function cypher(name: string, params: Record<string, string | number> = {}): Promise<Json[]> {
  const result = await cli(['cypher', name, '--json', ...Object.entries(params).flatMap(([k, v]) => ['--param', `${k}=${v}`])], env());
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Json[];
}

describe.skipIf(!LIVE)('a live Neo4j', () => {
  beforeAll(async () => {
    driver = neo4j.driver(process.env['NEO4J_URI']!, neo4j.auth.basic(process.env['NEO4J_USER'] || 'neo4j', process.env['NEO4J_PASSWORD'] ?? ''));
    const nodes = await scalar('MATCH (n) RETURN count(n) AS c');
    if (nodes !== 0) throw new Error(`the live tests need an empty database; ${database()} holds ${String(nodes)} nodes (set NEO4J_DATABASE to a disposable one)`);
    run = await resolvedRun();
  });

  afterAll(async () => {
    if (driver === undefined) return;
    for (const label of ['RefusedMerge', 'Identifier', 'Record', 'Customer']) {
      let deleted = 1;
      while (deleted > 0) deleted = Number(await scalar(`MATCH (n:${label}) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS c`));
    }
    const { records } = await driver.executeQuery('SHOW INDEXES YIELD name, labelsOrTypes, owningConstraint RETURN name, labelsOrTypes, owningConstraint', {}, { database: database() });
    const ours = new Set(['Identifier', 'Record', 'Customer', 'RefusedMerge']);
    for (const constraint of ['identifier_key', 'record_key', 'customer_id', 'refused_merge_key']) await driver.executeQuery(`DROP CONSTRAINT ${constraint} IF EXISTS`, {}, { database: database() });
    for (const record of records) {
      const labels = record.get('labelsOrTypes') as string[] | null;
      if (record.get('owningConstraint') === null && labels?.some((label) => ours.has(label))) {
        await driver.executeQuery(`DROP INDEX \`${String(record.get('name'))}\` IF EXISTS`, {}, { database: database() });
      }
    }
    await driver.close();
    await run?.remove();
  });

  test('should export the run: one node per row, one LINKED per link, exit 0; again: the same counts', async () => {
    const csv = (file: string) => readCsvFile(`${run.dir}/${file}`);
    const counts = async () => ({
      Identifier: await scalar('MATCH (n:Identifier) RETURN count(n)'),
      Record: await scalar('MATCH (n:Record) RETURN count(n)'),
      Customer: await scalar('MATCH (n:Customer) RETURN count(n)'),
      RefusedMerge: await scalar('MATCH (n:RefusedMerge) RETURN count(n)'),
      LINKED: await scalar('MATCH ()-[r:LINKED]->() RETURN count(r)'),
    });
    const first = await cli(['export', 'neo4j', run.dir, '--batch-size', '100'], env());
    expect(first.code, first.stderr).toBe(0);
    const expected = { Identifier: csv('identifiers.csv').length, Record: csv('records.csv').length, Customer: csv('customers.csv').length, RefusedMerge: csv('refused.csv').length, LINKED: csv('links.csv').length };
    expect(await counts()).toStrictEqual(expected);
    expect((await cli(['export', 'neo4j', run.dir], env())).code).toBe(0);
    expect(await counts()).toStrictEqual(expected);
    expect(await scalar("RETURN toFloat(1) = 1.0 AND valueType(1.0) STARTS WITH 'FLOAT' AS ok")).toBe(true);
    expect(await scalar('MATCH ()-[l:LINKED]->() WITH l LIMIT 1 RETURN valueType(l.weight)')).toMatch(/^FLOAT/);
    expect(await scalar('MATCH (c:Customer) WITH c LIMIT 1 RETURN valueType(c.records)')).toMatch(/^INTEGER/);
  });

  test('should hold the constraints of graph/schema.cypher', async () => {
    const { records } = await driver.executeQuery('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names', {}, { database: database() });
    expect(records[0]?.get('names')).toEqual(expect.arrayContaining(['identifier_key', 'record_key', 'customer_id', 'refused_merge_key']));
    expect(cypherStatements(await readGraphFile('schema.cypher')).length).toBeGreaterThan(4);
  });

  test('should answer the named queries as the embedded commands do', async () => {
    const stats = JSON.parse((await cli(['stats', run.dir, '--json'])).stdout) as Json;
    expect(await cypher('largest-customers', { limit: 10 })).toStrictEqual(
      stats.largestCustomers.map((c: Json) => ({ customer_id: c.customerId, records: c.records, identifiers: c.identifiers, permission_level: c.permissionLevel, sources: c.sources })),
    );
    expect(await cypher('cluster-sizes')).toStrictEqual(stats.clusterSizes.map((s: Json) => ({ records: s.size, customers: s.customers })));
    const identifier = readCsvFile(`${run.dir}/identifiers.csv`)[0]!;
    const key = `${identifier['type']}:${identifier['value']}`;
    const lookup = JSON.parse((await cli(['lookup', run.dir, key, '--json'])).stdout) as Json;
    expect((await cypher('customer-by-identifier', { key }))[0]?.customer_id).toBe(lookup.customer.id);
    const refused = readCsvFile(`${run.dir}/refused.csv`).find((r) => r['rule'] !== 'junk' && r['from_customer'] !== r['to_customer'])!;
    const why = JSON.parse((await cli(['explain', run.dir, refused['from']!, refused['to']!, '--json'])).stdout) as Json;
    expect((await cypher('path-between-identifiers', { from: refused['from']!, to: refused['to']! }))[0]?.kind).toBe(why.kind);
  });

  test('should run the GDS scale path when the server has Graph Data Science', async (context) => {
    const version = await scalar('RETURN gds.version() AS v').catch(() => null);
    if (version === null) {
      console.info('GDS tests skipped: this Neo4j has no Graph Data Science plugin (gds.version() failed)');
      context.skip();
    }
    await cypher('gds-project-identity-graph');
    try {
      const clusters = await cypher('cluster-sizes');
      expect(await cypher('gds-wcc-component-sizes', { threshold: 0 })).toStrictEqual(clusters.map((c) => ({ records: c.records, components: c.customers })));
      expect(await cypher('gds-wcc-split-customers', { threshold: 0 })).toStrictEqual([]);
      expect(Array.isArray(await cypher('gds-wcc-split-customers', { threshold: 0.999 }))).toBe(true);
    } finally {
      await cypher('gds-drop-identity-graph');
    }
  });
});
