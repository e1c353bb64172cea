import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { IdgraphError } from '../../src/errors/index.js';
import { lookup } from '../../src/query/lookup.js';
import { indexThreadFor, rewriteQueryIndex } from '../../src/query/index-writer.js';
import { runCli } from '../helpers/run-cli.js';
import { copyRun, generatedRun, type GeneratedRun } from './helpers/run-fixture.js';

let run: GeneratedRun;

beforeAll(async () => {
  run = await generatedRun(120, 4);
});

async function indexFiles(runDir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(join(runDir, 'index'))).sort()) files[name] = (await readFile(join(runDir, 'index', name))).toString('base64');
  return files;
}

describe('writeQueryIndex', () => {
  describe('should write every index file', () => {
    test('for a resolve run', async () => {
      expect(Object.keys(await indexFiles(run.runDir))).toStrictEqual([
        'customers.offsets',
        'customers.shards',
        'details.offsets',
        'details.shards',
        'identifiers.offsets',
        'identifiers.shards',
        'meta.json',
        'records.offsets',
        'records.shards',
        'stats.json',
      ]);
    });
  });

  test('should write the same index in its worker thread (built CLI) as on the main thread (sources, in process)', async () => {
    const workerRun = join(run.files.dir, 'run-by-cli');
    const cli = await runCli(['resolve', ...run.files.inputs, '--config', run.files.config, '--out', workerRun, '--quiet']);
    expect(cli.code).toBe(0);
    expect(await indexFiles(workerRun)).toStrictEqual(await indexFiles(run.runDir));
  });
});

describe('rewriteQueryIndex', () => {
  describe('should refuse', () => {
    test('for a run missing a CSV file (leaving the old index)', async () => {
      const dir = await copyRun(run.runDir);
      const before = await indexFiles(dir);
      await rm(join(dir, 'links.csv'));
      await expect(rewriteQueryIndex(dir)).rejects.toBeInstanceOf(IdgraphError);
      expect(await indexFiles(dir)).toStrictEqual(before);
    });
    test('for a CSV file with another header', async () => {
      const dir = await copyRun(run.runDir);
      await writeFile(join(dir, 'records.csv'), 'id,customer\n1,cus_0000000000000000\n');
      await expect(rewriteQueryIndex(dir)).rejects.toMatchObject({ code: 'RUN_DIR_INVALID' });
    });
  });

  describe('should rebuild from the CSV files exactly what resolve wrote from memory', () => {
    test('for a generated run (byte for byte)', async () => {
      const dir = await copyRun(run.runDir);
      await rewriteQueryIndex(dir);
      expect(await indexFiles(dir)).toStrictEqual(await indexFiles(run.runDir));
      expect((await readdir(dir)).filter((name) => name.startsWith('.index-'))).toStrictEqual([]);
    });
  });

  describe('should follow changed CSV files', () => {
    test('for a record erased from records.csv (as forget rewrites the files)', async () => {
      const dir = await copyRun(run.runDir);
      const lines = (await readFile(join(dir, 'records.csv'), 'utf8')).trimEnd().split('\n');
      const [recordId, source] = lines[1]!.split(',');
      await writeFile(join(dir, 'records.csv'), `${[lines[0], ...lines.slice(2)].join('\n')}\n`);
      await expect(lookup(dir, `record:${source}/${recordId}`)).rejects.toMatchObject({ code: 'RUN_DIR_INVALID' });
      await rewriteQueryIndex(dir);
      expect(await lookup(dir, `record:${source}/${recordId}`)).toMatchObject({ kind: 'not-found', reason: 'absent' });
    });
  });
});

describe('indexThreadFor', () => {
  const GB = 1024 ** 3;
  test('should write the query index on its worker while the machine has room for a copy of the live heap', () => {
    // 1M records on this 24 GB machine, after the collection before the write stage.
    expect(indexThreadFor({ rss: 2.9 * GB, heapUsed: 1.04 * GB, available: 20 * GB, total: 24 * GB })).toBe('worker');
  });

  test('should write it on the main thread when a copy of the live heap would not fit', () => {
    // 10M records with fuzzy matching on, where the hand-over to the worker ran the machine out of memory.
    expect(indexThreadFor({ rss: 15.8 * GB, heapUsed: 10.1 * GB, available: 7 * GB, total: 24 * GB })).toBe('this-thread');
  });
});
