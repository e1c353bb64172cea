// Runs the built CLI (`node bin/idgraph.js`) in a child process and captures what it printed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/idgraph.js', import.meta.url));

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Spawns the CLI with `args`; `env` is added to the current environment. */
export function runCli(args: readonly string[], env: Readonly<Record<string, string>> = {}): CliRun {
  const child = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}
