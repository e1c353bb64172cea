// The limits that protect the machine (limits.maxFieldLength) and the graph (limits.recordsPerCustomer):
// configurable, and reported in report.json and report.txt when hit.
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { LimitsReport } from '../../src/output/index.js';
import { readCsvFile } from '../helpers/csv.js';
import { generatedFiles, type GeneratedFiles } from '../helpers/generated-run.js';
import { runCli } from '../helpers/run-cli.js';

let data: GeneratedFiles;

/** Resolves the generated data with `limits` added to its config; returns the run directory. */
function resolveWithLimits(limits: Record<string, unknown> | null): string {
  const config = JSON.parse(readFileSync(data.config, 'utf8')) as Record<string, unknown>;
  const path = join(mkdtempSync(join(tmpdir(), 'idgraph-limits-')), 'config.json');
  writeFileSync(path, JSON.stringify(limits === null ? config : { ...config, limits }));
  const out = join(mkdtempSync(join(tmpdir(), 'idgraph-limits-')), 'run');
  const run = runCli(['resolve', ...data.inputs, '--config', path, '--out', out, '--quiet', '--no-fuzzy']);
  expect(run.code).toBe(0);
  return out;
}

const limitsOf = (out: string) => (JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { limits: LimitsReport }).limits;
const limitLine = (out: string) => readFileSync(join(out, 'report.txt'), 'utf8').split('\n').filter((line) => line.startsWith('limits hit:'));

beforeAll(async () => {
  data = await generatedFiles(150, 12);
  const shop = data.inputs.find((input) => input.endsWith('shop.csv'))!;
  const header = readFileSync(shop, 'utf8').split('\n')[0]!.split(',');
  const row = (id: string, email: string) => header.map((column) => ({ record_id: id, source: 'shop', email })[column] ?? '').join(',');
  appendFileSync(shop, `${row('long-1', `${'a'.repeat(80)}@example.org`)}\n${row('long-2', `${'b'.repeat(300_000)}@example.org`)}\n`);
});

describe('limits', () => {
  describe('should be reported with their default values', () => {
    test('for the defaults, which only the 300,000-character line hits', () => {
      const out = resolveWithLimits(null);
      const limits = limitsOf(out);
      expect([limits.maxFieldLength, limits.recordsPerCustomer.mergesRefused, limitLine(out)]).toStrictEqual([
        { limit: 10_000, rowsRejected: 1 },
        0,
        [expect.stringContaining('limits.maxFieldLength (10,000) rejected 1 row(s)')],
      ]);
    });
  });

  describe('should be reported with how often each was hit', () => {
    test('for a small maxFieldLength and recordsPerCustomer', () => {
      const out = resolveWithLimits({ maxFieldLength: 50, recordsPerCustomer: 2 });
      const rejectedForLength = readCsvFile(join(out, 'rejected.csv')).filter((row) => row.code === 'FIELD_TOO_LONG' || row.code === 'ROW_TOO_LONG');
      const refusedForRecords = readCsvFile(join(out, 'refused.csv')).filter((row) => row.rule === 'limit' && /records \(limit 2\)/.test(row.detail!));
      const limits = limitsOf(out);
      expect(rejectedForLength.map((row) => row.record_id)).toStrictEqual(['long-1', '']);
      expect(refusedForRecords.length).toBeGreaterThan(0);
      expect([limits.maxFieldLength, limits.recordsPerCustomer]).toStrictEqual([
        { limit: 50, rowsRejected: 2 },
        { limit: 2, mergesRefused: refusedForRecords.length },
      ]);
      expect(limitLine(out)).toStrictEqual([
        expect.stringContaining(`limits.maxFieldLength (50) rejected 2 row(s); limits.recordsPerCustomer (2) refused ${refusedForRecords.length} merge(s)`),
      ]);
    });
  });
});
