// Fuzz: hostile files through the readers, the normalisers and the engine never crash, and every row is accounted for.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { DEFAULT_CONFIG, type Config } from '../../src/config/index.js';
import { IdgraphError } from '../../src/errors/index.js';
import { readInputs } from '../../src/input/index.js';
import { resolve } from '../../src/resolve/index.js';

const COLUMNS = ['record_id', 'source', 'domain', 'timestamp', 'email', 'phone', 'login', 'app_id', 'loyalty_number', 'cookie_id',
  'first_name', 'last_name', 'birth_date', 'street', 'postal_code', 'city', 'country', 'cookie_permission', 'crm_permission'];
const config: Config = { ...DEFAULT_CONFIG, sources: { shop: 'crm', web: 'online' }, limits: { ...DEFAULT_CONFIG.limits, maxFieldLength: 200 } };

/** Values a hostile export might hold: anything at all, near-misses of real values, and placeholders. */
const hostileValue = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('', ' ', 'n/a', 'NULL', '0000000000', 'test@test.de', '@', 'a@', '@b', '++49', '+', '0', '-1', '1e999', 'NaN',
    '__proto__', 'constructor', 'granted', 'DENIED', 'maybe', 'crm', 'online', 'shop', 'web', '2024-02-30', '9999-12-31T23:59:59Z',
    'ä@ö.de', 'a@b.c', '+49 (0) 30 1234567', '00491701234567', '\u0000', '\ufeff', '\u202e', 'x'.repeat(250)),
  fc.emailAddress(),
);
const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
/** Mostly usable control values, so that most rows reach the normalisers and the engine. */
const control = (good: fc.Arbitrary<string>) => fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: hostileValue });
const cell = (column: string): fc.Arbitrary<string> =>
  column === 'record_id' ? control(fc.stringMatching(/^[a-z0-9-]{1,8}$/))
    : column === 'source' ? control(fc.constantFrom('shop', 'web'))
    : column === 'domain' ? control(fc.constantFrom('', 'crm', 'online'))
    : column.endsWith('_permission') ? control(fc.constantFrom('', 'granted', 'denied'))
    : hostileValue;
/** A CSV row: each value quoted (so the row stays one row) or bare (so it may break the row). */
const csvRow = fc.tuple(...COLUMNS.map((column) => fc.tuple(cell(column), fc.boolean())))
  .map((cells) => cells.map(([value, quoted]) => (quoted ? quote(value) : value.replace(/[\r\n]/g, ' '))).join(','));
const ndjsonRow = fc.oneof(
  fc.record({ record_id: cell('record_id'), source: cell('source'), email: hostileValue, phone: hostileValue, cookie_id: hostileValue, cookie_permission: cell('cookie_permission') })
    .map((row) => JSON.stringify(row)),
  fc.dictionary(fc.constantFrom(...COLUMNS), fc.oneof(hostileValue, fc.integer(), fc.boolean(), fc.constant(null))).map((row) => JSON.stringify(row)),
  fc.json({ maxDepth: 2 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** A NUL among a file's first four bytes, before any line end. */
function startsWithNul(text: string): boolean {
  for (const byte of Buffer.from(text, 'utf8').subarray(0, 4)) {
    if (byte === 0x0a || byte === 0x0d) return false;
    if (byte === 0x00) return true;
  }
  return false;
}

let resolvedRuns = 0;

describe('readInputs and resolve on hostile files', () => {
  describe('should never crash and should account for every row', () => {
    test.prop([fc.array(csvRow, { maxLength: 25 }), fc.array(ndjsonRow.map((row) => row.replace(/[\r\n]/g, ' ')), { maxLength: 25 }), fc.constantFrom('\n', '\r\n')], { numRuns: 40 })(
      'for hostile CSV and NDJSON rows',
      async (csvRows, ndjsonRows, eol) => {
        const dir = mkdtempSync(join(tmpdir(), 'idgraph-fuzz-'));
        const csv = join(dir, 'shop.csv');
        const ndjson = join(dir, 'web.ndjson');
        writeFileSync(csv, [COLUMNS.join(','), ...csvRows].join(eol));
        const ndjsonText = ndjsonRows.join(eol);
        writeFileSync(ndjson, ndjsonText);
        let batch;
        try {
          batch = await readInputs([csv, ndjson], config);
        } catch (error) {
          // The run-level stops hostile rows may cause: most rows of a file with a source the config
          // lacks, or an NDJSON file whose first bytes hold a NUL before any line end (read as
          // UTF-16/32 without a byte-order mark: src/input/physical-lines.ts).
          expect(error).toBeInstanceOf(IdgraphError);
          const code = (error as IdgraphError).code;
          if (code === 'INPUT_UNREADABLE') expect(startsWithNul(ndjsonText)).toBe(true);
          else expect(code).toBe('SOURCE_WITHOUT_DOMAIN');
          return;
        }
        expect(batch.records.length + batch.rejections.length).toBe(batch.rowsRead);
        resolvedRuns++;
        const result = resolve(batch.records, { config, consent: 'enforce', fuzzy: true });
        expect(result.records).toHaveLength(batch.records.length);
        for (const rejection of result.rejections) expect(rejection.level).toBe('value');
      },
    );

    test('for enough runs that got as far as the engine', () => {
      expect(resolvedRuns).toBeGreaterThanOrEqual(20);
    });
  });
});
