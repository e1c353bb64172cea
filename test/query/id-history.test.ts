import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { IdgraphError } from '../../src/errors/index.js';
import { followIdHistory, readIdHistory, type HistoryStep } from '../../src/query/id-history.js';

const step = (oldId: string, newId: string | null, event: string, at: string): HistoryStep => ({ oldId, newId, event, at });
const currentOf = (...ids: string[]) => async (id: string) => ids.includes(id);

describe('followIdHistory', () => {
  describe('should stop without a successor', () => {
    test('for an ID absent from an empty history', async () => {
      expect(await followIdHistory([], 'a', currentOf())).toStrictEqual({ kind: 'absent', steps: [] });
    });
    test('for an erased ID', async () => {
      const erased = step('a', null, 'erased', '2024-02-01T00:00:00Z');
      expect(await followIdHistory([erased], 'a', currentOf())).toStrictEqual({ kind: 'erased', steps: [erased] });
    });
    test('for a cycle', async () => {
      const history = [step('a', 'b', 'merged', '1'), step('b', 'a', 'merged', '2')];
      expect((await followIdHistory(history, 'a', currentOf())).kind).toBe('absent');
    });
  });

  describe('should reach the current ID', () => {
    test('for a current ID (no steps)', async () => {
      expect(await followIdHistory([step('a', 'b', 'merged', '1')], 'a', currentOf('a'))).toStrictEqual({ kind: 'current', id: 'a', steps: [] });
    });
    test('for a chain of merges', async () => {
      const history = [step('a', 'b', 'merged', '2024-01-01'), step('b', 'c', 'merged', '2024-02-01')];
      expect(await followIdHistory(history, 'a', currentOf('c'))).toStrictEqual({ kind: 'current', id: 'c', steps: history });
    });
    test('for an ID retired twice (the latest row wins)', async () => {
      const history = [step('a', 'b', 'split', '2024-03-01'), step('a', 'c', 'merged', '2024-01-01')];
      expect(await followIdHistory(history, 'a', currentOf('b', 'c'))).toStrictEqual({ kind: 'current', id: 'b', steps: [history[0]] });
    });
  });
});

describe('readIdHistory', () => {
  describe('should read nothing', () => {
    test('for a run without id_history.csv', async () => {
      expect(await readIdHistory(await mkdtemp(join(tmpdir(), 'idgraph-h-')))).toStrictEqual([]);
    });
  });
  describe('should refuse', () => {
    test('for another header', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'idgraph-h-'));
      await writeFile(join(dir, 'id_history.csv'), 'a,b\n1,2\n');
      await expect(readIdHistory(dir)).rejects.toThrow(IdgraphError);
    });
  });
  describe('should read the rows', () => {
    test('for merged and erased rows', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'idgraph-h-'));
      await writeFile(join(dir, 'id_history.csv'), 'old_id,new_id,event,at\ncus_a,cus_b,merged,2024-01-01T00:00:00Z\ncus_c,,erased,2024-01-02T00:00:00Z\n');
      expect(await readIdHistory(dir)).toStrictEqual([
        step('cus_a', 'cus_b', 'merged', '2024-01-01T00:00:00Z'),
        step('cus_c', null, 'erased', '2024-01-02T00:00:00Z'),
      ]);
    });
  });
});
