// Shared setup for the Neo4j tests: a resolved run, a Bolt test server over the test engine, a capturing CLI io.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { startBoltTestServer, type BoltTestServer } from '../support/bolt-server.js';
import { createCypherEngine, type CypherEngine } from '../support/cypher-engine.js';
import { generatedFiles } from '../helpers/generated-run.js';
import { BIN } from '../helpers/run-cli.js';

export const USER = 'neo4j';
/** Distinctive enough that finding it in any output means it leaked. */
export const PASSWORD = 'pw-Xq7-never-print-me';

export interface Captured {
  readonly io: CliIo;
  readonly stdout: () => string;
  readonly stderr: () => string;
}

/** A CliIo that records what a command prints; `env` is the only environment it sees. */
export function captureIo(env: Record<string, string | undefined> = {}): Captured {
  let out = '';
  let err = '';
  return {
    io: { stdout: (text) => void (out += text), stderr: (text) => void (err += text), stderrIsTty: false, env },
    stdout: () => out,
    stderr: () => err,
  };
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process (`main`) with its own environment. */
export async function cli(args: readonly string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  const captured = captureIo(env);
  const code = await main(args, captured.io);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}

/**
 * Spawns the built CLI (`node bin/idgraph.js`) asynchronously, so a Bolt test server in this
 * process keeps answering (spawnSync would block it). `env` replaces the environment.
 */
export function spawnCli(args: readonly string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { PATH: process.env['PATH'] ?? '', ...env }, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

export interface ResolvedRun {
  readonly dir: string;
  /** Removes the inputs and the run. */
  readonly remove: () => Promise<void>;
}

/**
 * Generates `people` persons with `seed` and resolves them into a run directory with the CLI.
 * 100 persons with seed 7 give exact and fuzzy links, refusals by all four rules and junk values.
 */
export async function resolvedRun(people = 100, seed = 7): Promise<ResolvedRun> {
  const files = await generatedFiles(people, seed);
  const dir = join(await mkdtemp(join(tmpdir(), 'idgraph-neo4j-run-')), 'run');
  const result = await cli(['resolve', ...files.inputs, '--config', files.config, '--out', dir, '--quiet']);
  if (result.code !== 0) throw new Error(`resolve failed (${result.code}): ${result.stderr}`);
  return {
    dir,
    remove: async () => {
      await rm(files.dir, { recursive: true, force: true });
      await rm(join(dir, '..'), { recursive: true, force: true });
    },
  };
}

export interface TestNeo4j {
  readonly engine: CypherEngine;
  readonly server: BoltTestServer;
  /** NEO4J_* variables pointing at the server with the right credentials. */
  readonly env: Record<string, string>;
  readonly close: () => Promise<void>;
}

/** A fresh engine behind a Bolt test server on 127.0.0.1, with short timeouts. */
export async function startTestNeo4j(): Promise<TestNeo4j> {
  const engine = createCypherEngine();
  const server = await startBoltTestServer({ engine, user: USER, password: PASSWORD });
  return {
    engine,
    server,
    env: {
      NEO4J_URI: server.uri,
      NEO4J_USER: USER,
      NEO4J_PASSWORD: PASSWORD,
      NEO4J_CONNECTION_TIMEOUT_MS: '2000',
      NEO4J_MAX_RETRY_TIME_MS: '3000',
    },
    close: async () => {
      await server.close();
      engine.close();
    },
  };
}

/** Rows of a query on the engine, as plain objects keyed by column. */
export async function engineRows(engine: CypherEngine, query: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  const { fields, rows } = await engine.run(query, params);
  return rows.map((row) => Object.fromEntries(fields.map((field, index) => [field, row[index]])));
}
