// Tests for readInputs: every data row of every file is resolved or rejected, and run-level problems throw.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { DEFAULT_CONFIG, type Config } from '../../src/config/index.js';
import { IdgraphError } from '../../src/errors/index.js';
import { readInputs, type RowRejectionCode } from '../../src/input/index.js';

const config: Config = { ...DEFAULT_CONFIG, sources: { shop: 'crm', web: 'online' }, limits: { ...DEFAULT_CONFIG.limits, maxFieldLength: 100 } };
const tempDir = () => mkdtempSync(join(tmpdir(), 'idgraph-read-'));
const write = (dir: string, name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const rejected = (batch: Awaited<ReturnType<typeof readInputs>>) => batch.rejections.map((r) => [r.file.split('/').pop(), r.line, r.code]);

async function thrown(promise: Promise<unknown>): Promise<IdgraphError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(IdgraphError);
  return error as IdgraphError;
}

describe('readInputs', () => {
  describe('should stop the run before reading', () => {
    test('for a missing file', async () => {
      const error = await thrown(readInputs([join(tempDir(), 'nope.csv')], config));
      expect(error.code).toBe('INPUT_NOT_FOUND');
    });

    test('for a directory given as a file (also how an unreadable file shows when tests run as root)', async () => {
      const dir = tempDir();
      mkdirSync(join(dir, 'folder.csv'));
      expect((await thrown(readInputs([join(dir, 'folder.csv')], config))).code).toBe('INPUT_UNREADABLE');
    });

    test('for an unknown extension', async () => {
      expect((await thrown(readInputs([write(tempDir(), 'a.xlsx', 'x')], config))).code).toBe('USAGE');
    });
  });

  describe('should stop the run, naming the file', () => {
    test('for a UTF-16 file', async () => {
      const path = write(tempDir(), 'shop.csv', Buffer.from('\ufeffrecord_id,source\nr1,shop\n', 'utf16le'));
      const error = await thrown(readInputs([path], config));
      expect([error.code, error.message.startsWith(`${path}: the file is UTF-16`)]).toStrictEqual(['INPUT_UNREADABLE', true]);
    });

    test('for a header row that cannot be read', async () => {
      const path = write(tempDir(), 'shop.csv', 'record_id,"source\nr1,shop\n');
      const error = await thrown(readInputs([path], config));
      expect([error.code, error.message.startsWith(`${path}:1: cannot read the header row`)]).toStrictEqual(['INPUT_UNREADABLE', true]);
    });

    test('for a file whose own source has no domain (the config lacks it)', async () => {
      const path = write(tempDir(), 'pos.csv', 'record_id,cookie_permission\nr1,granted\nr2,granted\nr3,\n');
      const error = await thrown(readInputs([path], config));
      expect([error.code, error.message.startsWith(`${path}:2: source "pos" has no domain`)]).toStrictEqual(['SOURCE_WITHOUT_DOMAIN', true]);
    });
  });

  describe('should reject stray rows with a source without domain, and read the rest', () => {
    test('for one such row among mapped ones', async () => {
      const path = write(tempDir(), 'shop.csv', 'record_id,source\nr1,shop\nr2,nonsense\nr3,shop\n');
      const batch = await readInputs([path], config);
      expect([batch.rowsRead, batch.records.length, rejected(batch)]).toStrictEqual([3, 2, [['shop.csv', 3, 'UNKNOWN_SOURCE']]]);
    });
  });

  describe('should keep one of two rows with the same source and record_id, whatever the file order', () => {
    test('for a duplicate across two files', async () => {
      const dir = tempDir();
      const a = write(dir, 'a.csv', 'record_id,source,timestamp\nr1,shop,2024-01-01\n');
      const b = write(dir, 'b.csv', 'record_id,source,timestamp\nr1,shop,2024-06-01\n');
      for (const order of [[a, b], [b, a]]) {
        const batch = await readInputs(order, config);
        expect([batch.records.map((r) => r.file), rejected(batch)]).toStrictEqual([[b], [['a.csv', 2, 'DUPLICATE_RECORD_ID']]]);
      }
    });
  });

  describe('should count every data row as read, and resolve or reject each one', () => {
    type Kind = 'valid' | 'duplicate' | RowRejectionCode;
    const kinds: Kind[] = ['valid', 'valid', 'valid', 'duplicate', 'MISSING_RECORD_ID', 'BAD_TIMESTAMP', 'BAD_PERMISSION', 'BAD_DOMAIN', 'UNKNOWN_SOURCE',
      'FIELD_TOO_LONG', 'UNCLOSED_QUOTE', 'WRONG_COLUMN_COUNT', 'BAD_QUOTE', 'BAD_ENCODING', 'ROW_TOO_LONG'];
    const csvRow = (kind: Kind, n: number): Buffer => {
      const row = (id: string, source = 'shop', domain = '', ts = '2024-05-01T10:00:00Z', perm = 'granted', email = `p${n}@x.de`) =>
        Buffer.from(`${id},${source},${domain},${ts},${email},${perm}`);
      switch (kind) {
        case 'valid': return row(`r${n}`);
        case 'duplicate': return row('r0', 'shop', '', '2020-01-01');
        case 'MISSING_RECORD_ID': return row('');
        case 'BAD_TIMESTAMP': return row(`r${n}`, 'shop', '', '2024-02-30');
        case 'BAD_PERMISSION': return row(`r${n}`, 'shop', '', '2024-01-01', 'maybe');
        case 'BAD_DOMAIN': return row(`r${n}`, 'shop', 'moon');
        case 'UNKNOWN_SOURCE': return row(`r${n}`, 'elsewhere');
        case 'FIELD_TOO_LONG': return row(`r${n}`, 'shop', '', '2024-01-01', '', 'x'.repeat(101));
        case 'UNCLOSED_QUOTE': return row(`r${n}`, 'shop', '', '2024-01-01', '', '"unclosed@x.de');
        case 'WRONG_COLUMN_COUNT': return Buffer.from(`r${n},shop`);
        case 'BAD_QUOTE': return row(`r${n}`, 'shop', '', '2024-01-01', '', 'a"b@x.de');
        case 'BAD_ENCODING': return Buffer.concat([row(`r${n}`), Buffer.from([0xe9])]);
        case 'ROW_TOO_LONG': return row(`r${n}`, 'shop', '', '2024-01-01', '', 'y'.repeat(70_000));
        default: throw new Error(kind);
      }
    };
    test.prop([fc.array(fc.constantFrom(...kinds), { maxLength: 40 }), fc.constantFrom('\n', '\r\n'), fc.boolean()], { numRuns: 40 })(
      'for valid rows, duplicates, nonsense values and broken CSV in any mix',
      async (rowKinds, eol, blankLines) => {
        fc.pre(rowKinds.filter((kind) => kind === 'UNKNOWN_SOURCE').length * 2 <= rowKinds.length + 1);
        const parts: Buffer[] = [Buffer.from(`record_id,source,domain,timestamp,email,cookie_permission${eol}`), csvRow('valid', 0), Buffer.from(eol)];
        const expected: [string, number, string][] = [];
        let line = 3;
        rowKinds.forEach((kind, index) => {
          parts.push(csvRow(kind, index + 1), Buffer.from(eol));
          if (kind !== 'valid') expected.push(['shop.csv', line, kind === 'duplicate' ? 'DUPLICATE_RECORD_ID' : kind]);
          line++;
          if (blankLines && index % 3 === 0) {
            parts.push(Buffer.from(eol));
            line++;
          }
        });
        const path = write(tempDir(), 'shop.csv', Buffer.concat(parts));
        const batch = await readInputs([path], config);
        expect(batch.rowsRead).toBe(rowKinds.length + 1);
        expect(batch.records.length + batch.rejections.length).toBe(batch.rowsRead);
        expect(rejected(batch)).toStrictEqual(expected);
      },
    );

    test('for NDJSON lines of every kind', async () => {
      const lines = [
        'not json either',
        '{"record_id":"w1","source":"web","timestamp":"2024-01-01","cookie_permission":"granted"}',
        '',
        '{"record_id":"w2","source":"web","email":{"nested":true}}',
        'not json',
        '[1,2,3]',
        '{"record_id":"w1","source":"web","timestamp":"1999-01-01"}',
        '{"record_id":"w3","source":"web","timestamp":"tomorrow"}',
        '{"record_id":"w4","source":"web"}',
      ];
      const path = write(tempDir(), 'web.ndjson', `${lines.join('\n')}\n`);
      const batch = await readInputs([path], config);
      expect([batch.rowsRead, batch.records.length, rejected(batch)]).toStrictEqual([8, 2, [
        ['web.ndjson', 1, 'INVALID_JSON'],
        ['web.ndjson', 4, 'NESTED_VALUE'],
        ['web.ndjson', 5, 'INVALID_JSON'],
        ['web.ndjson', 6, 'NOT_AN_OBJECT'],
        ['web.ndjson', 7, 'DUPLICATE_RECORD_ID'],
        ['web.ndjson', 8, 'BAD_TIMESTAMP'],
      ]]);
    });
  });
});
