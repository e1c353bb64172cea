import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { evaluate, type Labelling } from '../../../bench/lib/metrics.js';
import { febrlEntity, loadColumnTruth, loadFebrlTruth } from '../../../bench/lib/truth.js';
import { requireSharedDir, skipNote, skipShared } from '../helpers/shared-datasets.js';

/** Records, entities, pairs and singleton entities of a truth. */
function shape(truth: Labelling) {
  const sizes = new Map<string, number>();
  for (const label of truth.values()) sizes.set(label, (sizes.get(label) ?? 0) + 1);
  return {
    records: truth.size,
    entities: sizes.size,
    truePairs: evaluate(truth, truth).pairs.truePairs,
    singletons: [...sizes.values()].filter((size) => size === 1).length,
  };
}

async function withFile(name: string, text: string, run: (file: string) => void): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'idgraph-truth-test-'));
  try {
    const file = join(dir, name);
    await writeFile(file, text, 'utf8');
    run(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('febrlEntity', () => {
  describe('should reject other formats', () => {
    test.each(['', 'rec-12', 'rec--org', 'rec-1-dup', 'rec-1-dup-x', ' rec-1-org', 'rec-1-org-2'])('for %j', (id) => {
      expect(() => febrlEntity(id)).toThrow(/not a Febrl rec_id/);
    });
  });

  test.each([
    ['rec-223-org', '223'],
    ['rec-552-dup-3', '552'],
    ['rec-0-dup-0', '0'],
  ])('should read %s as entity %s', (id, entity) => {
    expect(febrlEntity(id)).toBe(entity);
  });
});

describe('loadFebrlTruth', () => {
  test('should trim the ", " separators and read the entity', async () => {
    await withFile('d.csv', 'rec_id, given_name\nrec-1-org, anna\nrec-1-dup-0, ana\nrec-2-org, bob\n', (file) => {
      expect(loadFebrlTruth([file])).toStrictEqual(new Map([['rec-1-org', '1'], ['rec-1-dup-0', '1'], ['rec-2-org', '2']]));
    });
  });

  test('should reject a repeated rec_id', async () => {
    await withFile('d.csv', 'rec_id, given_name\nrec-1-org, anna\nrec-1-org, ana\n', (file) => {
      expect(() => loadFebrlTruth([file])).toThrow(/appears twice/);
    });
  });
});

describe('loadColumnTruth', () => {
  test('should reject a missing column, naming it', async () => {
    await withFile('t.csv', 'id,label\n1,a\n', (file) => {
      expect(() => loadColumnTruth(file, 'id', 'cluster')).toThrow(/missing column "cluster"/);
    });
  });

  test('should reject an empty label with its line', async () => {
    await withFile('t.csv', 'id,cluster\n1,a\n2,\n', (file) => {
      expect(() => loadColumnTruth(file, 'id', 'cluster')).toThrow(/t\.csv:3: empty cluster/);
    });
  });

  test('should map ids to labels', async () => {
    await withFile('t.csv', 'id,cluster,other\n1,a,x\n2,a,y\n3,b,z\n', (file) => {
      expect(loadColumnTruth(file, 'id', 'cluster')).toStrictEqual(new Map([['1', 'a'], ['2', 'a'], ['3', 'b']]));
    });
  });
});

describe.skipIf(skipShared)(`truth of the shared datasets${skipNote}`, () => {
  const febrl = (file: string) => join(requireSharedDir(), 'febrl', file);

  test('for febrl1: 1000 records, 500 originals with one duplicate each', () => {
    expect(shape(loadFebrlTruth([febrl('dataset1.csv')]))).toStrictEqual({
      records: 1000,
      entities: 500,
      truePairs: 500,
      singletons: 0,
    });
  });

  test('for febrl2: 5000 records, 4000 originals, 3572 without duplicate (SOURCE.md erratum)', () => {
    expect(shape(loadFebrlTruth([febrl('dataset2.csv')]))).toStrictEqual({
      records: 5000,
      entities: 4000,
      truePairs: 1934,
      singletons: 3572,
    });
  });

  test('for febrl3: 5000 records, 2000 originals, 835 without duplicate (SOURCE.md erratum)', () => {
    expect(shape(loadFebrlTruth([febrl('dataset3.csv')]))).toStrictEqual({
      records: 5000,
      entities: 2000,
      truePairs: 6538,
      singletons: 835,
    });
  });

  test('for febrl4: one truth over 4a and 4b, each original in 4a paired with its duplicate in 4b', () => {
    const truth = loadFebrlTruth([febrl('dataset4a.csv'), febrl('dataset4b.csv')]);
    expect(shape(truth)).toStrictEqual({ records: 10000, entities: 5000, truePairs: 5000, singletons: 0 });
    const partners = [...truth.keys()].filter((id) => id.endsWith('-org')).map((id) => id.replace(/-org$/, '-dup-0'));
    expect(partners.length).toBe(5000);
    expect(partners.every((id) => truth.has(id))).toBe(true);
  });

  test('for fake_1000: 1000 records in 251 clusters (SOURCE.md)', () => {
    const truth = loadColumnTruth(join(requireSharedDir(), 'splink_fake_1000', 'fake_1000.csv'), 'unique_id', 'cluster');
    expect(shape(truth)).toMatchObject({ records: 1000, entities: 251, truePairs: 2031 });
  });

  test('for RLdata500: 500 records, fifty duplicates (RLdata.Rd)', () => {
    const truth = loadColumnTruth(join(requireSharedDir(), 'rldata', 'RLdata500.csv'), 'rec_id', 'identity');
    expect(shape(truth)).toStrictEqual({ records: 500, entities: 450, truePairs: 50, singletons: 400 });
  });
});
