// Runs the built `idgraph` CLI in a fresh process and times it (wall clock, Node start included).

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT } from './datasets.js';

/**
 * The launcher a user runs (`bin/idgraph.js`), which loads the build in dist/.
 * `IDGRAPH_BENCH_CLI` replaces it with another script (the harness's own tests use a fake CLI).
 */
export const CLI_BIN = process.env['IDGRAPH_BENCH_CLI'] || join(REPO_ROOT, 'bin', 'idgraph.js');

/** The built entry point the launcher imports; absent until `npm run build`. */
export const BUILT_CLI = join(REPO_ROOT, 'dist', 'cli', 'main.js');

/** @returns whether `npm run build` has produced the CLI (or a replacement script exists) */
export function isCliBuilt(): boolean {
  return process.env['IDGRAPH_BENCH_CLI'] ? existsSync(CLI_BIN) : existsSync(BUILT_CLI);
}

/**
 * The Node flags of a launcher's `#!/usr/bin/env -S node <flags>` line (none for another shebang),
 * so a benchmark spawning `node <launcher>` runs it as `npx idgraph` (which honours the shebang) does.
 */
export function launcherNodeFlags(launcher: string = CLI_BIN): string[] {
  const firstLine = readFileSync(launcher, 'utf8').split('\n', 1)[0] ?? '';
  const match = /^#!\/usr\/bin\/env -S node((?: +--[\w-]+(?:=\S+)?)*) *$/.exec(firstLine);
  return match === null ? [] : match[1]!.trim().split(/ +/).filter((flag) => flag !== '');
}

/** One finished CLI process. */
export interface CliRun {
  /** Wall time from spawn to exit, in seconds. */
  readonly seconds: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The CLI exited non-zero (or was killed); carries its exit code and stderr. */
export class CliFailedError extends Error {
  override readonly name = 'CliFailedError';

  constructor(
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`idgraph ${args.join(' ')} exited with ${exitCode ?? 'a signal'}:\n${stderr.trim().split('\n').slice(-10).join('\n')}`);
  }
}

/**
 * Runs `node <launcher flags> bin/idgraph.js <args>` from the repository root and waits for it.
 * NOTE: the time includes Node's start and module loading, as a user running the command
 * sees it; compare with a `--help` run measured the same way to see the fixed part.
 * @param args the CLI arguments
 * @returns the wall time and the captured output
 * @throws CliFailedError when the exit code is not 0
 */
export function runCli(args: readonly string[]): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...launcherNodeFlags(), CLI_BIN, ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const err = Buffer.concat(stderr).toString('utf8');
      if (code !== 0) {
        reject(new CliFailedError(args, code, err));
        return;
      }
      resolvePromise({ seconds, stdout: Buffer.concat(stdout).toString('utf8'), stderr: err });
    });
  });
}
