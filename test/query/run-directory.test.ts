import { spawnSync } from 'node:child_process';
import { appendFile, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { IdgraphError } from '../../src/errors/index.js';
import { openRunDirectory } from '../../src/query/run-directory.js';
import { copyRun, generatedRun, type GeneratedRun } from './helpers/run-fixture.js';

let run: GeneratedRun;

beforeAll(async () => {
  run = await generatedRun(60, 2);
});

async function expectInvalid(dir: string, message: RegExp): Promise<void> {
  const error = await openRunDirectory(dir).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(IdgraphError);
  expect((error as IdgraphError).code).toBe('RUN_DIR_INVALID');
  expect((error as IdgraphError).message).toMatch(message);
  expect((error as IdgraphError).message).not.toContain('\n');
}

describe('openRunDirectory', () => {
  describe('should refuse what is not a usable run', () => {
    test('for a path that does not exist', async () => {
      await expectInvalid(join(tmpdir(), 'idgraph-no-such-dir-4711'), /no such directory/);
    });
    test('for a directory without run.json', async () => {
      await expectInvalid(await mkdtemp(join(tmpdir(), 'idgraph-empty-')), /no run\.json/);
    });
    test('for a run.json that is not JSON', async () => {
      const dir = await copyRun(run.runDir);
      await writeFile(join(dir, 'run.json'), '{');
      await expectInvalid(dir, /not valid JSON/);
    });
    test('for a run.json of another format', async () => {
      const dir = await copyRun(run.runDir);
      await writeFile(join(dir, 'run.json'), '{"format":"other","version":1}');
      await expectInvalid(dir, /not an idgraph run manifest/);
    });
    test('for a run without a query index', async () => {
      const dir = await copyRun(run.runDir);
      await rm(join(dir, 'index'), { recursive: true });
      await expectInvalid(dir, /no query index/);
    });
    test('for an index older than a run file', async () => {
      const dir = await copyRun(run.runDir);
      await appendFile(join(dir, 'records.csv'), 'x,shop,cus_0000000000000000\n');
      await expectInvalid(dir, /older than records\.csv/);
    });
    test('for a damaged index file (at the first query that reads it)', async () => {
      const dir = await copyRun(run.runDir);
      await writeFile(join(dir, 'index', 'identifiers.shards'), 'not deflate');
      const { lookup } = await import('../../src/query/lookup.js');
      await expect(lookup(dir, 'email:a@b.de')).rejects.toMatchObject({ code: 'RUN_DIR_INVALID' });
    });
  });

  describe('should open', () => {
    test('for a run written by resolve', async () => {
      const opened = await openRunDirectory(run.runDir);
      expect(opened.manifest).toMatchObject({ format: 'idgraph-run', version: 1, pseudonymised: false, phoneRegion: 'DE' });
      expect(opened.index.dir).toBe(join(run.runDir, 'index'));
    });
    test('for a run a crash left retired beside its place (recovered first)', async () => {
      const dir = await copyRun(run.runDir);
      // The process that retired it has exited (a crash): its pid is no longer running.
      const deadPid = spawnSync(process.execPath, ['-e', '0']).pid!;
      const retired = join(dirname(dir), `.idgraph-retired-${basename(dir)}-${deadPid}-0123abcd`);
      await rename(dir, retired);
      const opened = await openRunDirectory(dir);
      expect(opened.dir).toBe(dir);
    });
  });
});
