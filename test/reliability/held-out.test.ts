// Held-out style check: generated data with broken rows, duplicate ids and nonsense values appended still resolves.
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { RowRejectionCode } from '../../src/input/index.js';
import { readCsvFile } from '../helpers/csv.js';
import { generatedFiles, type GeneratedFiles } from '../helpers/generated-run.js';
import { runCli, type CliRun } from '../helpers/run-cli.js';

/** An appended line and the code it must be rejected under (null: a valid row that must resolve). */
type Appended = readonly [content: string | Buffer, code: RowRejectionCode | null];

const LATIN1_E = Buffer.from([0xe9]);

/** Broken and valid rows for a CSV file with `header`, built from its own first data row. */
function csvAppends(header: string[], firstRow: string, file: string): Appended[] {
  const has = (column: string) => header.includes(column);
  const row = (values: Record<string, string>) => header.map((column) => values[column] ?? '').join(',');
  const source = basename(file, '.csv');
  const base = { source, timestamp: '2024-06-01T10:00:00Z', cookie_permission: 'granted', crm_permission: 'granted' };
  const appends: Appended[] = [
    [row({ ...base, record_id: `${source}-held-1`, email: '"unclosed@example.org' }), 'UNCLOSED_QUOTE'],
    [`${source}-held-2,${source}`, 'WRONG_COLUMN_COUNT'],
    [row({ ...base, record_id: `${source}-held-3`, email: 'o"brien@example.org' }), 'BAD_QUOTE'],
    [firstRow, 'DUPLICATE_RECORD_ID'],
    [row({ ...base, record_id: `${source}-held-4`, timestamp: 'yesterday' }), 'BAD_TIMESTAMP'],
    [row({ ...base, record_id: `${source}-held-5`, timestamp: '2024-02-30T10:00:00Z' }), 'BAD_TIMESTAMP'],
    [row({ ...base, record_id: `${source}-held-6`, cookie_permission: 'maybe' }), 'BAD_PERMISSION'],
    [row({ ...base, record_id: '' }), 'MISSING_RECORD_ID'],
    [row({ ...base, record_id: `${source}-held-7`, email: `${'x'.repeat(20_000)}@example.org` }), 'FIELD_TOO_LONG'],
    [row({ ...base, record_id: `${source}-held-8`, email: `${'y'.repeat(70_000)}@example.org` }), 'ROW_TOO_LONG'],
    [Buffer.concat([Buffer.from(row({ ...base, record_id: `${source}-held-9`, email: 'caf' })), LATIN1_E, Buffer.from('@example.org')]), 'BAD_ENCODING'],
    ['', null],
    [row({ ...base, record_id: `${source}-held-10`, source: 'nonsense-system', ...(has('domain') ? { domain: '' } : {}) }), 'UNKNOWN_SOURCE'],
    [row({ ...base, record_id: `${source}-held-11`, email: `held.${source}@example.org` }), null],
  ];
  if (has('domain')) appends.push([row({ ...base, record_id: `${source}-held-12`, domain: 'moon' }), 'BAD_DOMAIN']);
  return appends;
}

const NDJSON_APPENDS: Appended[] = [
  ['{"record_id":"web-held-1","source":"web"', 'INVALID_JSON'],
  ['["web-held-2","web"]', 'NOT_AN_OBJECT'],
  ['{"record_id":"web-held-3","source":"web","email":{"work":"a@example.org"}}', 'NESTED_VALUE'],
  [`{"record_id":"web-held-4","source":"web","email":"${'z'.repeat(70_000)}"}`, 'ROW_TOO_LONG'],
  [Buffer.concat([Buffer.from('{"record_id":"web-held-5","source":"web","login":"caf'), LATIN1_E, Buffer.from('"}')]), 'BAD_ENCODING'],
  ['{"record_id":"web-held-6","source":"web","timestamp":"13/13/2024"}', 'BAD_TIMESTAMP'],
  ['{"record_id":"web-held-7","source":"web","crm_permission":"yes"}', 'BAD_PERMISSION'],
  ['{"record_id":"web-held-8","source":"web","cookie_permission":"granted","cookie_id":"held-cookie"}', null],
];

let data: GeneratedFiles;
let out: string;
let run: CliRun;
/** `file:line` → the code expected in rejected.csv. */
const expected = new Map<string, RowRejectionCode>();
const validAppended: string[] = [];

beforeAll(async () => {
  data = await generatedFiles(120, 77);
  for (const input of data.inputs) {
    const text = readFileSync(input, 'utf8');
    const lines = text.split('\n');
    const physical = text.endsWith('\n') ? lines.length - 1 : lines.length;
    const appends = input.endsWith('.ndjson') ? NDJSON_APPENDS : csvAppends(lines[0]!.split(','), lines[1]!, input);
    appends.forEach(([content, code], index) => {
      appendFileSync(input, Buffer.concat([Buffer.from(content), Buffer.from('\n')]));
      const line = physical + index + 1;
      if (code !== null) expected.set(`${input}:${line}`, code);
      else if (content !== '') validAppended.push(`${input}:${line}`);
    });
  }
  out = join(mkdtempSync(join(tmpdir(), 'idgraph-held-out-')), 'run');
  run = runCli(['resolve', ...data.inputs, '--config', data.config, '--out', out]);
});

describe('idgraph resolve on data with broken rows appended', () => {
  describe('should succeed and account for every row', () => {
    test('for exit code and the report', () => {
      expect(run.stderr).not.toContain('ACCOUNTING MISMATCH');
      expect(run.code).toBe(0);
      const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { rows: { read: number; resolved: number; rejected: number; accountedFor: boolean } };
      const dataRows = data.inputs.reduce((sum, input) => {
        const lines = readFileSync(input).toString('latin1').split('\n').filter((line) => line.trim() !== '');
        return sum + lines.length - (input.endsWith('.csv') ? 1 : 0);
      }, 0);
      expect(report.rows).toStrictEqual({ read: dataRows, resolved: report.rows.read - report.rows.rejected, rejected: expected.size, accountedFor: true });
    });
  });

  describe('should write each broken row to rejected.csv with its file, line and code', () => {
    test('for every appended broken row, and no other row rejected', () => {
      const rows = readCsvFile(join(out, 'rejected.csv')).filter((row) => row.level === 'row');
      const found = new Map(rows.map((row) => [`${row.file}:${row.line}`, row.code]));
      expect(found).toStrictEqual(expected);
    });
  });

  describe('should resolve the valid rows after the broken ones', () => {
    test('for the valid row appended to each file', () => {
      const records = new Set(readCsvFile(join(out, 'records.csv')).map((row) => row.record_id));
      expect(validAppended).toHaveLength(data.inputs.length);
      for (const name of [...data.inputs.map((input) => basename(input).replace(/\.(csv|ndjson)$/, ''))]) {
        expect(records.has(name === 'web' ? 'web-held-8' : `${name}-held-11`), name).toBe(true);
      }
    });
  });
});
