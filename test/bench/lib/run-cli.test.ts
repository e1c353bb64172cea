import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../../../bench/lib/datasets.js';
import { CLI_BIN, launcherNodeFlags } from '../../../bench/lib/run-cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'idgraph-launcher-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function launcher(firstLine: string): Promise<string> {
  const path = join(dir, `launcher-${Math.random().toString(36).slice(2)}.js`);
  await writeFile(path, `${firstLine}\nconsole.log('hi');\n`);
  return path;
}

describe('launcherNodeFlags', () => {
  describe('should give no flags', () => {
    test('for a plain node shebang', async () => {
      expect(launcherNodeFlags(await launcher('#!/usr/bin/env node'))).toStrictEqual([]);
    });
    test('for a file without a shebang', async () => {
      expect(launcherNodeFlags(await launcher('// no shebang'))).toStrictEqual([]);
    });
  });

  describe('should give the flags of an env -S shebang', () => {
    test('for one flag', async () => {
      expect(launcherNodeFlags(await launcher('#!/usr/bin/env -S node --max-semi-space-size=64'))).toStrictEqual(['--max-semi-space-size=64']);
    });
    test('for several flags', async () => {
      expect(launcherNodeFlags(await launcher('#!/usr/bin/env -S node --a=1  --b'))).toStrictEqual(['--a=1', '--b']);
    });
  });

  test('should read flags from the real launcher that node accepts', () => {
    const flags = launcherNodeFlags(CLI_BIN);
    expect(flags).toContain('--max-semi-space-size=32');
    const child = spawnSync(process.execPath, [...flags, '-e', 'process.exit(0)']);
    expect(child.status).toBe(0);
  });

  test('should expose gc, so resolve can collect before its write stage (src/memory/collect-garbage.ts)', () => {
    const script = "import('./dist/memory/collect-garbage.js').then((m) => process.exit(m.collectGarbage() ? 0 : 3))";
    const withLauncher = spawnSync(process.execPath, [...launcherNodeFlags(CLI_BIN), '-e', script], { cwd: REPO_ROOT });
    expect(withLauncher.status).toBe(0);
    const plainNode = spawnSync(process.execPath, ['-e', script], { cwd: REPO_ROOT });
    expect(plainNode.status).toBe(3);
  });
});
