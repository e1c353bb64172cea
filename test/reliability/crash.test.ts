// Crash safety: `idgraph resolve` killed with SIGKILL at several stages leaves the previous run byte-identical.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { generatedFiles, type GeneratedFiles } from '../helpers/generated-run.js';
import { BIN, runCli } from '../helpers/run-cli.js';

/** Every file under `dir` with the SHA-256 of its content. */
function digest(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[path.slice(dir.length)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return files;
}

/**
 * Copies every data row of `from` `copies` times into `to`, each copy with its own record_ids
 * (`<id>-c<k>`), so the rows stay valid and distinct: a big input from a small generated one.
 */
function replicate(from: GeneratedFiles, copies: number): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'idgraph-crash-big-'));
  return from.inputs.map((input) => {
    const [header, ...rows] = readFileSync(input, 'utf8').split('\n').filter((line) => line !== '');
    const ndjson = input.endsWith('.ndjson');
    const out: string[] = ndjson ? [] : [header!];
    for (let copy = 0; copy < copies; copy++) {
      for (const row of ndjson ? [header!, ...rows] : rows) {
        out.push(ndjson ? row.replace('"record_id":"', `"record_id":"c${copy}-`) : row.replace(/^([^,]*)/, `$1-c${copy}`));
      }
    }
    const path = join(dir, input.split('/').pop()!);
    writeFileSync(path, `${out.join('\n')}\n`);
    return path;
  });
}

const countRows = (inputs: readonly string[]) =>
  inputs.reduce((sum, input) => sum + readFileSync(input, 'utf8').split('\n').filter((l) => l !== '').length - (input.endsWith('.csv') ? 1 : 0), 0);

interface KilledRun {
  readonly signal: NodeJS.Signals | null;
  /** Whether the staging directory existed at the moment of the kill. */
  readonly stagingSeen: boolean;
}

/**
 * Starts a resolve into `out` and SIGKILLs it when `when` says so (polled every 5 ms).
 * `when` gets the milliseconds since the start and the files in the staging directory (null before it exists).
 */
function resolveAndKill(inputs: readonly string[], config: string, out: string, when: (ms: number, staging: string[] | null) => boolean): Promise<KilledRun> {
  const parent = join(out, '..');
  const prefix = `.idgraph-staging-${out.split('/').pop()}-`;
  const child = spawn(process.execPath, [BIN, 'resolve', ...inputs, '--config', config, '--out', out, '--no-fuzzy', '--quiet'], { stdio: 'ignore' });
  const started = Date.now();
  return new Promise((resolve) => {
    let stagingSeen = false;
    const timer = setInterval(() => {
      const staging = readdirSync(parent).find((entry) => entry.startsWith(prefix));
      let files: string[] | null = null;
      if (staging !== undefined) files = (() => { try { return readdirSync(join(parent, staging)); } catch { return null; } })();
      if (when(Date.now() - started, files)) {
        stagingSeen = files !== null;
        child.kill('SIGKILL');
        clearInterval(timer);
      }
    }, 5);
    child.on('exit', (_code, signal) => {
      clearInterval(timer);
      resolve({ signal, stagingSeen });
    });
  });
}

let small: GeneratedFiles;
let big: string[];
let mid: string[];
let parent: string;
let out: string;
let before: Record<string, string>;

beforeAll(async () => {
  small = await generatedFiles(150, 5);
  big = replicate(small, Math.ceil(200_000 / countRows(small.inputs)));
  mid = replicate(small, 4);
  parent = mkdtempSync(join(tmpdir(), 'idgraph-crash-'));
  out = join(parent, 'run');
  const first = runCli(['resolve', ...small.inputs, '--config', small.config, '--out', out, '--quiet']);
  expect(first.code).toBe(0);
  before = digest(out);
});

describe('idgraph resolve killed with SIGKILL', () => {
  describe('should leave the previous run byte-identical and no retired run beside it', () => {
    test.each([
      ['at start-up (50 ms)', () => big, (ms: number) => ms >= 50],
      ['while reading (600 ms)', () => big, (ms: number) => ms >= 600],
      ['while resolving (2,500 ms)', () => big, (ms: number) => ms >= 2500],
      ['as the staging directory appears', () => mid, (_ms: number, staging: string[] | null) => staging !== null],
      ['halfway through writing the staging directory', () => mid, (_ms: number, staging: string[] | null) => (staging?.length ?? 0) >= 4],
    ])('for a kill %s', async (_name, inputs, when) => {
      const killed = await resolveAndKill(inputs(), small.config, out, when);
      expect(killed.signal).toBe('SIGKILL');
      expect(digest(out)).toStrictEqual(before);
      expect(readdirSync(parent).filter((entry) => entry.startsWith('.idgraph-retired-'))).toStrictEqual([]);
    });
  });

  describe('should clean up after the crashes on the next run', () => {
    test('for a completed run into the same directory', () => {
      expect(countRows(big)).toBeGreaterThanOrEqual(200_000);
      const next = runCli(['resolve', ...mid, '--config', small.config, '--out', out, '--quiet', '--no-fuzzy']);
      expect(next.code).toBe(0);
      expect(readdirSync(parent)).toStrictEqual(['run']);
      expect(digest(out)).not.toStrictEqual(before);
      expect(readFileSync(join(out, 'records.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(countRows(mid) + 1);
    });
  });
});
