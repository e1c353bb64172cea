// Reading a run directory's CSV files as rows of the graph model.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { customerRows, identifierMembershipRows, linkRows, recordRows, refusedMergeRows, refusedSideRows } from '../../src/neo4j/graph-rows.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'idgraph-graph-rows-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function all<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

describe('graph rows', () => {
  describe('should refuse a broken run file with RUN_DIR_INVALID naming file and line', () => {
    test.each([
      ['a missing file', {}, () => recordRows(dir), /records\.csv is missing/],
      ['an empty file', { 'records.csv': '' }, () => recordRows(dir), /records\.csv is empty/],
      ['a missing column', { 'records.csv': 'record_id,customer_id\nr1,c1\n' }, () => recordRows(dir), /records\.csv has no column source/],
      ['an unclosed quote', { 'records.csv': 'record_id,source\n"r1,shop\n' }, () => recordRows(dir), /records\.csv:2: not valid CSV/],
      ['a bad number', { 'customers.csv': 'customer_id,permission_level,records,identifiers,sources\nc1,3,2,x,shop\n' }, () => customerRows(dir), /customers\.csv:2: identifiers is not a whole number/],
      ['a bad weight', { 'links.csv': 'from,to,matcher,weight,evidence\nrecord:s/1,email:a,exact-email,,e\n' }, () => linkRows(dir, 'identifier'), /links\.csv:2: weight is not a number/],
      ['a link between identifiers', { 'links.csv': 'from,to,matcher,weight,evidence\nemail:a,phone:1,x,1,e\n' }, () => linkRows(dir, 'identifier'), /links\.csv:2: a link between two identifiers/],
    ])('for %s', async (_case, files, rows, message) => {
      for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
      await expect(all(rows() as AsyncIterable<unknown>)).rejects.toMatchObject({ code: 'RUN_DIR_INVALID', message: expect.stringMatching(message) });
    });
  });

  describe('should read the model', () => {
    test('for records: keys as links.csv writes them, domain when the run has the column, columns in any order', async () => {
      await writeFile(join(dir, 'records.csv'), 'customer_id,source,record_id\nc1,shop,s-1\n');
      expect(await all(recordRows(dir))).toStrictEqual([{ key: 'record:shop/s-1', record_id: 's-1', source: 'shop', domain: null }]);
      await writeFile(join(dir, 'records.csv'), 'record_id,source,domain,customer_id\ns-1,shop,crm,c1\nw-1,web,,c2\n');
      expect((await all(recordRows(dir))).map((r) => r.domain)).toStrictEqual(['crm', null]);
    });

    test("for records: the domain of the record's source (run.json's sourceDomains) when the file has no domain column", async () => {
      await writeFile(join(dir, 'records.csv'), 'record_id,source,customer_id\ns-1,shop,c1\nw-1,web,c2\nx-1,other,c3\n');
      expect((await all(recordRows(dir, { shop: 'crm', web: 'online' }))).map((r) => r.domain)).toStrictEqual(['crm', 'online', null]);
    });

    test('for identifier memberships: only identifiers with a customer', async () => {
      await writeFile(join(dir, 'identifiers.csv'), 'type,value,customer_id,records\nemail,a@x.de,c1,2\nphone,+491,,1\n');
      expect(await all(identifierMembershipRows(dir))).toStrictEqual([{ key: 'email:a@x.de', customer_id: 'c1' }]);
    });

    test('for customers: typed numbers and sources as a list (empty for none)', async () => {
      await writeFile(join(dir, 'customers.csv'), 'customer_id,permission_level,records,identifiers,sources\nc1,3,2,4,crm;shop\nc2,1,1,0,\n');
      expect(await all(customerRows(dir))).toStrictEqual([
        { customer_id: 'c1', permission_level: 3, records: 2, identifiers: 4, sources: ['crm', 'shop'] },
        { customer_id: 'c2', permission_level: 1, records: 1, identifiers: 0, sources: [] },
      ]);
    });

    test('for links: split by the kind of the far end, always record first', async () => {
      await writeFile(
        join(dir, 'links.csv'),
        'from,to,matcher,weight,evidence\nrecord:s/1,email:a,exact-email,1,holds\nemail:b,record:s/2,exact-email,1,holds\nrecord:s/1,record:s/2,address,0.93,"name, address"\n',
      );
      expect(await all(linkRows(dir, 'identifier'))).toStrictEqual([
        { from: 'record:s/1', to: 'email:a', matcher: 'exact-email', weight: 1, evidence: 'holds' },
        { from: 'record:s/2', to: 'email:b', matcher: 'exact-email', weight: 1, evidence: 'holds' },
      ]);
      expect(await all(linkRows(dir, 'record'))).toStrictEqual([{ from: 'record:s/1', to: 'record:s/2', matcher: 'address', weight: 0.93, evidence: 'name, address' }]);
    });

    test('for refused merges: a stable key, nulls for empty cells, no sides for junk', async () => {
      await writeFile(
        join(dir, 'refused.csv'),
        'from,to,rule,detail,matcher,weight,from_customer,to_customer\nrecord:s/1,phone:+491,limit,would hold 4 phones,exact-phone,1,c1,\nemail:test@test.de,,junk,placeholder value,exact-email,1,,\n',
      );
      expect(await all(refusedMergeRows(dir))).toStrictEqual([
        { key: 'record:s/1|phone:+491|exact-phone|limit', rule: 'limit', detail: 'would hold 4 phones', matcher: 'exact-phone', weight: 1, from: 'record:s/1', to: 'phone:+491', from_customer: 'c1', to_customer: null },
        { key: 'email:test@test.de||exact-email|junk', rule: 'junk', detail: 'placeholder value', matcher: 'exact-email', weight: 1, from: 'email:test@test.de', to: null, from_customer: null, to_customer: null },
      ]);
      expect(await all(refusedSideRows(dir, 'from', 'record'))).toStrictEqual([{ key: 'record:s/1|phone:+491|exact-phone|limit', ref: 'record:s/1' }]);
      expect(await all(refusedSideRows(dir, 'to', 'identifier'))).toStrictEqual([{ key: 'record:s/1|phone:+491|exact-phone|limit', ref: 'phone:+491' }]);
      expect(await all(refusedSideRows(dir, 'from', 'identifier'))).toStrictEqual([]);
    });
  });
});
