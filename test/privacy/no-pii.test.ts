// Privacy by default: nothing a run prints, and no file not meant to hold identifiers, contains an
// input value; with --pseudonymise no raw email, phone or login is in any file at all.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { readCsvFile } from '../helpers/csv.js';
import { generatedFiles, type GeneratedFiles } from '../helpers/generated-run.js';
import { runCli, type CliRun } from '../helpers/run-cli.js';

const KEY = 'test-key-0123456789abcdef';
const PII_COLUMNS = ['email', 'phone', 'login', 'first_name', 'last_name', 'street', 'birth_date'] as const;
const IDENTIFIER_COLUMNS = ['email', 'phone', 'login'] as const;

let data: GeneratedFiles;
let plainOut: string;
let plainRun: CliRun;
let pseudoOut: string;
let pseudoRun: CliRun;

/** Every input value of the given columns (trimmed, at least 6 characters so it is specific). */
function inputValues(columns: readonly string[]): Set<string> {
  const values = new Set<string>();
  for (const file of data.inputs) {
    const rows = file.endsWith('.csv')
      ? readCsvFile(file)
      : readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, string>);
    for (const row of rows) {
      for (const column of columns) {
        const value = String(row[column] ?? '').trim();
        if (value.length >= 6) {
          values.add(value);
          values.add(value.toLowerCase());
        }
      }
    }
  }
  return values;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function leaks(text: string, values: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const value of values) if (text.includes(value)) found.push(value);
  return found;
}

beforeAll(async () => {
  data = await generatedFiles(150, 9);
  const base = await mkdtemp(join(tmpdir(), 'idgraph-pii-'));
  plainOut = join(base, 'plain');
  pseudoOut = join(base, 'pseudo');
  plainRun = runCli(['resolve', ...data.inputs, '--config', data.config, '--out', plainOut, '--json']);
  pseudoRun = runCli(['resolve', ...data.inputs, '--config', data.config, '--out', pseudoOut, '--pseudonymise', '--json'], {
    IDGRAPH_PSEUDONYM_KEY: KEY,
  });
});

describe('a run without --pseudonymise', () => {
  describe('should keep personal data out of everything not meant to hold identifiers', () => {
    test('for stdout and stderr', () => {
      expect(plainRun.code).toBe(0);
      expect(leaks(plainRun.stdout + plainRun.stderr, inputValues(PII_COLUMNS))).toStrictEqual([]);
    });
    test.each(['report.txt', 'rejected.csv', 'run.json'])('for %s', (file) => {
      expect(leaks(readFileSync(join(plainOut, file), 'utf8'), inputValues(PII_COLUMNS))).toStrictEqual([]);
    });
  });
});

describe('a run with --pseudonymise', () => {
  describe('should refuse to run without the key', () => {
    test('for a missing IDGRAPH_PSEUDONYM_KEY', async () => {
      const out = join(await mkdtemp(join(tmpdir(), 'idgraph-nokey-')), 'run');
      const result = runCli(['resolve', ...data.inputs, '--config', data.config, '--out', out, '--pseudonymise'], { IDGRAPH_PSEUDONYM_KEY: '' });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('IDGRAPH_PSEUDONYM_KEY');
    });
  });

  describe('should put no raw email, phone or login into any file or output', () => {
    test('for stdout and stderr', () => {
      expect(pseudoRun.code).toBe(0);
      expect(leaks(pseudoRun.stdout + pseudoRun.stderr, inputValues(IDENTIFIER_COLUMNS))).toStrictEqual([]);
    });
    test('for every file of the run directory', () => {
      const values = inputValues(IDENTIFIER_COLUMNS);
      const leaking = filesUnder(pseudoOut).flatMap((file) =>
        leaks(readFileSync(file, 'latin1'), values).map((value) => `${relative(pseudoOut, file)}: ${value.length} chars`),
      );
      expect(leaking).toStrictEqual([]);
    });
  });

  describe('should resolve exactly as without pseudonyms', () => {
    test('for the record → customer map', () => {
      const plain = readCsvFile(join(plainOut, 'records.csv'));
      const pseudo = readCsvFile(join(pseudoOut, 'records.csv'));
      expect(pseudo).toStrictEqual(plain);
    });
  });

  describe('should give the same pseudonyms with the same key', () => {
    test('for a second run', async () => {
      const again = join(await mkdtemp(join(tmpdir(), 'idgraph-pseudo2-')), 'run');
      expect(runCli(['resolve', ...data.inputs, '--config', data.config, '--out', again, '--pseudonymise'], { IDGRAPH_PSEUDONYM_KEY: KEY }).code).toBe(0);
      expect(readFileSync(join(again, 'identifiers.csv'), 'utf8')).toBe(readFileSync(join(pseudoOut, 'identifiers.csv'), 'utf8'));
    });
    test('and different pseudonyms with another key', async () => {
      const other = join(await mkdtemp(join(tmpdir(), 'idgraph-pseudo3-')), 'run');
      expect(runCli(['resolve', ...data.inputs, '--config', data.config, '--out', other, '--pseudonymise'], { IDGRAPH_PSEUDONYM_KEY: `${KEY}-other` }).code).toBe(0);
      const values = (dir: string) => new Set(readCsvFile(join(dir, 'identifiers.csv')).map((row) => row.value));
      const shared = [...values(other)].filter((value) => values(pseudoOut).has(value));
      expect(shared).toStrictEqual([]);
    });
  });
});
