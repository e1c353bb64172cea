import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { filterCsv } from '../../src/state/filter-csv.js';

const invalid = (what: string) => new Error(what);

describe('filterCsv', () => {
  describe('should refuse', () => {
    test('for a missing file', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'idgraph-filter-'));
      await expect(filterCsv(join(dir, 'no.csv'), join(dir, 'out.csv'), ['a'], () => true, invalid)).rejects.toThrow('file missing');
    });

    test('for another header', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'idgraph-filter-'));
      await writeFile(join(dir, 'in.csv'), 'x,y\n1,2\n');
      await expect(filterCsv(join(dir, 'in.csv'), join(dir, 'out.csv'), ['a', 'b'], () => true, invalid)).rejects.toThrow('unexpected header');
    });
  });

  describe('should keep the header and the accepted rows as they were', () => {
    test('for quoted values with commas and newlines', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'idgraph-filter-'));
      await writeFile(join(dir, 'in.csv'), 'a,b\n1,"x, y"\n2,"multi\nline"\n3,\n');
      const counts = await filterCsv(join(dir, 'in.csv'), join(dir, 'out.csv'), ['a', 'b'], ([a]) => a !== '2', invalid);
      expect(counts).toStrictEqual({ kept: 2, dropped: 1 });
      expect(await readFile(join(dir, 'out.csv'), 'utf8')).toBe('a,b\n1,"x, y"\n3,\n');
    });
  });
});
