import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test as propertyTest } from '@fast-check/vitest';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { csvField, csvLine, writeCsv } from '../../src/output/csv-file.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'idgraph-csv-file-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('csvField', () => {
  describe('should quote only what RFC 4180 requires', () => {
    test.each([
      [null, ''],
      ['', ''],
      [0, '0'],
      [0.75, '0.75'],
      ['plain', 'plain'],
      [' spaced ', ' spaced '],
      ['a,b', '"a,b"'],
      ['say "hi"', '"say ""hi"""'],
      ['line\nbreak', '"line\nbreak"'],
      ['carriage\rreturn', '"carriage\rreturn"'],
    ] as const)('for %j', (value, expected) => {
      expect(csvField(value)).toBe(expected);
    });
  });
});

describe('csvLine', () => {
  test('should join fields with commas and end with a newline', () => {
    expect(csvLine(['a', null, 3, 'x,y'])).toBe('a,,3,"x,y"\n');
  });
});

describe('writeCsv', () => {
  test('should write only the header for no rows', async () => {
    const path = join(dir, 'empty.csv');
    await writeCsv(path, ['a', 'b'], []);
    expect(await readFile(path, 'utf8')).toBe('a,b\n');
  });

  test('should write rows that span several write chunks in order', async () => {
    const path = join(dir, 'big.csv');
    const rows = Array.from({ length: 60_000 }, (_, index) => [`record-${index}`, 'x'.repeat(20), index] as const);
    await writeCsv(path, ['id', 'pad', 'n'], rows);
    const parsed = parse(await readFile(path, 'utf8'), { columns: false }) as string[][];
    expect(parsed.length).toBe(60_001);
    expect(parsed[60_000]).toStrictEqual(['record-59999', 'x'.repeat(20), '59999']);
  });

  propertyTest.prop([fc.array(fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { minLength: 3, maxLength: 3 }), { maxLength: 30 })], {
    numRuns: 60,
  })('should give back every cell through csv-parse', async (rows) => {
    const path = join(dir, 'roundtrip.csv');
    await writeCsv(path, ['a', 'b', 'c'], rows);
    const parsed = parse(await readFile(path, 'utf8'), { columns: false, relax_column_count: false }) as string[][];
    expect(parsed).toStrictEqual([['a', 'b', 'c'], ...rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))))]);
  });
});
