// Resolves a small generated dataset once per test file, in process, into a temporary run directory.
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main.js';
import type { CliIo } from '../../../src/cli/io.js';
import { generatedFiles, type GeneratedFiles } from '../../helpers/generated-run.js';

export interface GeneratedRun {
  readonly files: GeneratedFiles;
  readonly runDir: string;
}

/** A CliIo that keeps what was printed. */
export function captureIo(env: NodeJS.ProcessEnv = {}): CliIo & { readonly out: string[]; readonly err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (text) => void out.push(text), stderr: (text) => void err.push(text), stderrIsTty: false, env };
}

/**
 * Generates `people` persons with `seed` and resolves them (fuzzy on unless `extra` says otherwise).
 * @throws Error when resolve does not exit 0 (with what it printed)
 */
export async function generatedRun(people: number, seed: number, extra: readonly string[] = [], env: NodeJS.ProcessEnv = {}): Promise<GeneratedRun> {
  const files = await generatedFiles(people, seed);
  const runDir = join(files.dir, 'run');
  const io = captureIo(env);
  const code = await main(['resolve', ...files.inputs, '--config', files.config, '--out', runDir, '--quiet', ...extra], io);
  if (code !== 0) throw new Error(`resolve exited ${code}: ${io.err.join('')}`);
  return { files, runDir };
}

/** A copy of a run directory that a test may change. */
export async function copyRun(runDir: string): Promise<string> {
  const copy = join(await mkdtemp(join(tmpdir(), 'idgraph-run-copy-')), 'run');
  await cp(runDir, copy, { recursive: true });
  return copy;
}
