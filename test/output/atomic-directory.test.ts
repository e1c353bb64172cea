// Tests for the atomic run-directory write: staging + swap, recovery after a crash, and what it refuses to replace.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { IdgraphError } from '../../src/errors/index.js';
import { checkRunDirectoryTarget, recoverRunDirectory, writeDirectoryAtomically } from '../../src/output/index.js';

const parentDir = () => mkdtempSync(join(tmpdir(), 'idgraph-atomic-'));
/** A pid that belonged to a process that has exited. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid!;
const writeRun = (marker: string) => async (staging: string) => {
  await writeFile(join(staging, 'records.csv'), marker);
  await writeFile(join(staging, 'run.json'), '{}');
};
/** A run directory `dir` (or a side directory) holding records.csv = marker and run.json. */
function makeRun(dir: string, marker: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'records.csv'), marker);
  writeFileSync(join(dir, 'run.json'), '{}');
}
const listing = (dir: string) => readdirSync(dir).sort();

async function thrown(promise: Promise<unknown>): Promise<IdgraphError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(IdgraphError);
  return error as IdgraphError;
}

describe('writeDirectoryAtomically', () => {
  describe('should leave the previous run as it was', () => {
    test('for a write that fails halfway', async () => {
      const parent = parentDir();
      const out = join(parent, 'out');
      makeRun(out, 'old');
      const failing = async (staging: string) => {
        await writeFile(join(staging, 'records.csv'), 'half');
        throw new Error('disk full');
      };
      await expect(writeDirectoryAtomically(out, failing)).rejects.toThrow('disk full');
      expect([listing(parent), readFileSync(join(out, 'records.csv'), 'utf8')]).toStrictEqual([['out'], 'old']);
    });
  });

  describe('should put the new run in place and nothing beside it', () => {
    test('for a first run, creating missing parents', async () => {
      const parent = parentDir();
      const out = join(parent, 'a', 'b', 'out');
      await writeDirectoryAtomically(out, writeRun('new'));
      expect([listing(join(parent, 'a', 'b')), readFileSync(join(out, 'records.csv'), 'utf8')]).toStrictEqual([['out'], 'new']);
    });

    test('for a run replacing a previous one', async () => {
      const parent = parentDir();
      const out = join(parent, 'out');
      makeRun(out, 'old');
      await writeDirectoryAtomically(out, writeRun('new'));
      expect([listing(parent), readFileSync(join(out, 'records.csv'), 'utf8')]).toStrictEqual([['out'], 'new']);
    });

    test('for an empty directory given as --out', async () => {
      const parent = parentDir();
      mkdirSync(join(parent, 'out'));
      await writeDirectoryAtomically(join(parent, 'out'), writeRun('new'));
      expect(listing(join(parent, 'out'))).toStrictEqual(['records.csv', 'run.json']);
    });
  });

  describe('should refuse to replace what is not a run, and touch nothing', () => {
    test('for a directory with other files', async () => {
      const parent = parentDir();
      mkdirSync(join(parent, 'home'));
      writeFileSync(join(parent, 'home', 'thesis.tex'), 'precious');
      const error = await thrown(writeDirectoryAtomically(join(parent, 'home'), writeRun('new')));
      expect([error.code, listing(parent), listing(join(parent, 'home'))]).toStrictEqual(['OUTPUT_NOT_WRITABLE', ['home'], ['thesis.tex']]);
    });

    test('for a file', async () => {
      const parent = parentDir();
      writeFileSync(join(parent, 'out'), 'a file');
      const error = await thrown(writeDirectoryAtomically(join(parent, 'out'), writeRun('new')));
      expect([error.code, listing(parent), readFileSync(join(parent, 'out'), 'utf8')]).toStrictEqual(['OUTPUT_NOT_WRITABLE', ['out'], 'a file']);
    });
  });
});

describe('checkRunDirectoryTarget', () => {
  describe('should accept', () => {
    test.each([
      ['a missing directory', (parent: string) => join(parent, 'new')],
      ['an empty directory', (parent: string) => (mkdirSync(join(parent, 'empty')), join(parent, 'empty'))],
      ['a previous run', (parent: string) => (makeRun(join(parent, 'run'), 'old'), join(parent, 'run'))],
    ])('for %s', async (_name, make) => {
      await expect(checkRunDirectoryTarget(make(parentDir()))).resolves.toBeUndefined();
    });
  });
});

describe('recoverRunDirectory', () => {
  describe('should put back a run retired by a crash between the two renames', () => {
    test('for a missing run directory with a complete staging beside it', async () => {
      const parent = parentDir();
      const pid = deadPid();
      makeRun(join(parent, `.idgraph-retired-out-${pid}-0000beef`), 'old');
      makeRun(join(parent, `.idgraph-staging-out-${pid}-0000beef`), 'new');
      await recoverRunDirectory(join(parent, 'out'));
      expect([listing(parent), readFileSync(join(parent, 'out', 'records.csv'), 'utf8')]).toStrictEqual([['out'], 'old']);
    });
  });

  describe('should delete what a crashed write left', () => {
    test('for a retired run after the new one was in place, and a staging directory', async () => {
      const parent = parentDir();
      makeRun(join(parent, 'out'), 'new');
      makeRun(join(parent, `.idgraph-retired-out-${deadPid()}-0000beef`), 'old');
      makeRun(join(parent, `.idgraph-staging-out-${deadPid()}-12345678`), 'half');
      await recoverRunDirectory(join(parent, 'out'));
      expect([listing(parent), readFileSync(join(parent, 'out', 'records.csv'), 'utf8')]).toStrictEqual([['out'], 'new']);
    });
  });

  describe('should leave alone', () => {
    test('for the staging directory of a process still running (a concurrent write)', async () => {
      const parent = parentDir();
      const live = `.idgraph-staging-out-${process.ppid}-0000beef`;
      makeRun(join(parent, live), 'writing');
      await recoverRunDirectory(join(parent, 'out'));
      expect(listing(parent)).toStrictEqual([live]);
    });

    test('for the side directories of another run directory whose name starts the same', async () => {
      const parent = parentDir();
      const pid = deadPid();
      const others = [`.idgraph-retired-out-2-${pid}-0000beef`, `.idgraph-staging-out-2-${pid}-0000beef`];
      for (const other of others) makeRun(join(parent, other), 'other');
      await recoverRunDirectory(join(parent, 'out'));
      expect([listing(parent), existsSync(join(parent, 'out'))]).toStrictEqual([others.sort(), false]);
    });

    test('for a parent directory that does not exist', async () => {
      await expect(recoverRunDirectory(join(parentDir(), 'no', 'out'))).resolves.toBeUndefined();
    });
  });
});
