import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { CustomerId } from '../../src/ids/index.js';
import { findEntries, findEntry, openQueryIndex, readIndexStats, type QueryIndex } from '../../src/query/index-reader.js';
import type { IndexSource } from '../../src/query/index-source.js';
import { writeIndexDirectory } from '../../src/query/index-writer.js';

const cus = (n: number) => `cus_${String(n).padStart(16, '0')}` as CustomerId;

/** 3,000 identifiers (so several shards), one per customer, plus a few awkward keys. */
function source(): IndexSource {
  const awkward = ['a"quote', 'back\\slash', 'new\nline', 'ümlaut@straße.de', 'a@b.de', 'a@b.de2', ''];
  const values = [...Array.from({ length: 3000 }, (_, index) => `person${index}@example.org`), ...awkward];
  return {
    records: [
      ...values.map((_, index) => ({ recordId: `r${index}`, source: 'shop', customerId: cus(index) })),
      { recordId: 'r1', source: 'crm', customerId: cus(1) },
    ],
    identifiers: values.map((value, index) => ({ type: 'email' as const, value, customerId: cus(index), records: 1 })),
    customers: values.map((_, index) => ({ id: cus(index), permissionLevel: 1 as const, records: index === 1 ? 2 : 1, identifiers: 1, sources: ['shop'] })),
    links: values.map((value, index) => ({ from: `record:shop/r${index}`, to: `email:${value}`, matcher: 'exact-email', weight: 1, evidence: 'record holds this email', customerId: cus(index) })),
    refused: [],
    junk: [{ key: 'email:test@test.de' as never, reason: 'placeholder', records: 4 }],
  };
}

let index: QueryIndex;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'idgraph-index-'));
  await writeIndexDirectory(join(dir, 'index'), source(), {});
  const opened = await openQueryIndex(dir);
  if (typeof opened === 'string') throw new Error(opened);
  index = opened;
});

describe('openQueryIndex', () => {
  describe('should refuse what is not an index', () => {
    test('for a directory without index/', async () => {
      expect(await openQueryIndex(await mkdtemp(join(tmpdir(), 'idgraph-empty-')))).toBe('missing');
    });
    test('for a meta.json of another format', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'idgraph-bad-'));
      await writeIndexDirectory(join(dir, 'index'), { records: [], identifiers: [], customers: [], links: [], refused: [], junk: [] }, {});
      await writeFile(join(dir, 'index', 'meta.json'), '{"format":"other"}');
      expect(await openQueryIndex(dir)).toBe('invalid');
    });
  });
});

describe('findEntries', () => {
  describe('should find nothing', () => {
    test('for a key that is not there', async () => {
      expect(await findEntries(index, 'identifiers', 'email:nobody@example.org')).toStrictEqual([]);
    });
    test('for a prefix of a stored key', async () => {
      expect(await findEntries(index, 'identifiers', 'email:person1')).toStrictEqual([]);
    });
  });

  describe('should find exactly the entry', () => {
    test.each(['a"quote', 'back\\slash', 'new\nline', 'ümlaut@straße.de', 'a@b.de', 'a@b.de2', ''])('for the awkward value %j', async (value) => {
      const entry = await findEntry(index, 'identifiers', `email:${value}`);
      expect(entry?.[0]).toBe(`email:${value}`);
    });
    test('for every one of 3,000 keys spread over the shards', async () => {
      expect(index.meta.shards.identifiers).toBeGreaterThan(1);
      for (let at = 0; at < 3000; at += 97) {
        expect(await findEntry(index, 'identifiers', `email:person${at}@example.org`)).toStrictEqual([`email:person${at}@example.org`, cus(at), 1, null]);
      }
    });
    test('for a junk value', async () => {
      expect(await findEntry(index, 'identifiers', 'email:test@test.de')).toStrictEqual(['email:test@test.de', null, 4, 'placeholder']);
    });
  });

  describe('should find every entry of a key', () => {
    test('for a record ID used by two sources', async () => {
      expect(await findEntries(index, 'records', 'r1')).toStrictEqual([
        ['r1', 'crm', cus(1)],
        ['r1', 'shop', cus(1)],
      ]);
    });
  });

  describe('should group what belongs to a customer', () => {
    test('for the details of a customer with two records', async () => {
      expect(await findEntry(index, 'details', cus(1))).toStrictEqual([
        cus(1),
        [['email', 'person1@example.org', 1]],
        [
          ['crm', 'r1'],
          ['shop', 'r1'],
        ],
        [['record:shop/r1', 'email:person1@example.org', 'exact-email', 1, 'record holds this email']],
        [],
      ]);
    });
  });
});

describe('writeIndexDirectory', () => {
  test('should give a customer on two rows of a hand-edited customers.csv one details entry with all its members', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'idgraph-twice-'));
    const whole = source();
    await writeIndexDirectory(join(dir, 'index'), { ...whole, customers: [...whole.customers, whole.customers[1]!] }, {});
    const opened = await openQueryIndex(dir);
    if (typeof opened === 'string') throw new Error(opened);
    const entries = await findEntries(opened, 'details', cus(1));
    expect(entries.length).toBe(1);
    expect(entries[0]![2]).toStrictEqual([
      ['crm', 'r1'],
      ['shop', 'r1'],
    ]);
  });
});

describe('readIndexStats', () => {
  describe('should summarise the source', () => {
    test('for the counts and the largest customer', async () => {
      const stats = await readIndexStats(index);
      expect([stats.records, stats.customers, stats.identifiers, stats.links]).toStrictEqual([3008, 3007, 3007, 3007]);
      expect(stats.clusterSizes).toStrictEqual([
        { size: 1, customers: 3006 },
        { size: 2, customers: 1 },
      ]);
      expect(stats.largestCustomers[0]?.customerId).toBe(cus(1));
      expect(stats.largestCustomers).toHaveLength(10);
      expect(stats.junk).toStrictEqual([{ key: 'email:test@test.de', reason: 'placeholder', records: 4 }]);
    });
  });
});
