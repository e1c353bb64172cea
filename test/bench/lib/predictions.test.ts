import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assertCoversTruth, firstDifference, readPredictions } from '../../../bench/lib/predictions.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'idgraph-predictions-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function recordsCsv(name: string, text: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, text, 'utf8');
  return file;
}

describe('readPredictions', () => {
  describe('should fail loudly', () => {
    test('for a file without customer_id', async () => {
      const file = await recordsCsv('no-customer.csv', 'record_id,source\nr1,crm\n');
      expect(() => readPredictions(file)).toThrow(/missing column "customer_id"/);
    });

    test('for a record_id listed twice', async () => {
      const file = await recordsCsv('twice.csv', 'record_id,source,customer_id\nr1,crm,cus_a\nr1,shop,cus_b\n');
      expect(() => readPredictions(file)).toThrow(/twice\.csv:3: record_id "r1" appears twice/);
    });

    test('for an empty customer_id', async () => {
      const file = await recordsCsv('empty.csv', 'record_id,source,customer_id\nr1,crm,\n');
      expect(() => readPredictions(file)).toThrow(/empty customer_id/);
    });
  });

  test('should map record_id to customer_id', async () => {
    const file = await recordsCsv(
      'ok.csv',
      'record_id,source,customer_id\nr1,crm,cus_0000000000000001\nr2,crm,cus_0000000000000001\n',
    );
    expect(readPredictions(file)).toStrictEqual(
      new Map([
        ['r1', 'cus_0000000000000001'],
        ['r2', 'cus_0000000000000001'],
      ]),
    );
  });
});

describe('assertCoversTruth', () => {
  test('should name how many truth records are missing', () => {
    const truth = new Map([['a', '1'], ['b', '1'], ['c', '2']]);
    expect(() => assertCoversTruth(truth, new Map([['a', 'x']]), 'febrl1')).toThrow(
      /^febrl1: 2 of 3 truth records are missing from records\.csv \(e\.g\. b, c\)/,
    );
  });

  test('should pass when every truth record is predicted, extras allowed', () => {
    expect(() => assertCoversTruth(new Map([['a', '1']]), new Map([['a', 'x'], ['z', 'y']]), 'x')).not.toThrow();
  });
});

describe('firstDifference', () => {
  test.each([
    { a: [], b: [], expected: undefined },
    { a: [['r1', 'x']], b: [['r1', 'x']], expected: undefined },
    { a: [['r1', 'x']], b: [['r1', 'y']], expected: 'r1' },
    { a: [['r1', 'x']], b: [['r1', 'x'], ['r2', 'x']], expected: 'r2' },
    { a: [['r1', 'x'], ['r2', 'x']], b: [['r1', 'x']], expected: 'r2' },
  ] as { a: [string, string][]; b: [string, string][]; expected: string | undefined }[])(
    'should find $expected between $a and $b',
    ({ a, b, expected }) => {
      expect(firstDifference(new Map(a), new Map(b))).toBe(expected);
    },
  );
});
