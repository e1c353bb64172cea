// Tests for mapRow and its value parsers: every bad value is a rejection with a code, never an exception.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { DEFAULT_CONFIG, type Config } from '../../src/config/index.js';
import { mapRow, parsePermission, parseTimestamp, planColumns, rowSource } from '../../src/input/index.js';

const config: Config = { ...DEFAULT_CONFIG, sources: { shop: 'crm', web: 'online' }, limits: { ...DEFAULT_CONFIG.limits, maxFieldLength: 50 } };
const HEADER = ['record_id', 'source', 'domain', 'timestamp', 'email', 'first_name', 'cookie_permission', 'crm_permission'];
const plan = planColumns(HEADER, config);
const context = { file: 'in.csv', line: 7, defaultSource: 'in' };
const good = ['r1', 'shop', '', '2024-05-01T10:00:00Z', 'a@b.de', 'Ann', 'granted', ''];
const withValue = (column: string, value: string) => good.map((v, index) => (HEADER[index] === column ? value : v));

describe('parseTimestamp', () => {
  describe('should refuse what is not a real ISO 8601 instant', () => {
    test.each(['', 'yesterday', '2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '2024-01-01T24:00:00Z', '2024-01-01T10:60Z',
      '2024-01-01T10:00:61Z', '2024-01-01T10:00:00+15:00', '2024-01-01T10:00:00+01:75', '1714557600', '01.05.2024', '2024-1-1'])('for "%s"', (text) => {
      expect(parseTimestamp(text)).toBeUndefined();
    });
  });

  describe('should give epoch milliseconds', () => {
    test.each([
      ['2024-02-29', Date.UTC(2024, 1, 29)],
      ['2024-05-01T10:00:00Z', Date.UTC(2024, 4, 1, 10)],
      ['2024-05-01 10:00', Date.UTC(2024, 4, 1, 10)],
      ['2024-05-01T10:00:00.123456Z', Date.UTC(2024, 4, 1, 10, 0, 0, 123)],
      ['2024-05-01T12:00:00+02:00', Date.UTC(2024, 4, 1, 10)],
      ['2024-05-01T12:00:00+0200', Date.UTC(2024, 4, 1, 10)],
      ['0000-01-01', Date.parse('0000-01-01T00:00:00Z')],
    ])('for "%s" (no offset = UTC)', (text, ms) => {
      expect(parseTimestamp(text)).toBe(ms);
    });
  });
});

describe('parsePermission', () => {
  describe('should map the three allowed values and refuse others', () => {
    test.each([
      ['', null],
      ['granted', 'granted'],
      ['DENIED', 'denied'],
      ['maybe', undefined],
      ['yes', undefined],
    ])('for "%s"', (text, expected) => {
      expect(parsePermission(text)).toBe(expected);
    });
  });
});

describe('mapRow', () => {
  describe('should reject the row with a code and the column', () => {
    test.each([
      ['no record_id', withValue('record_id', ''), 'MISSING_RECORD_ID', 'record_id'],
      ['a nonsense timestamp', withValue('timestamp', 'soon'), 'BAD_TIMESTAMP', 'timestamp'],
      ['an impossible date', withValue('timestamp', '2023-02-30'), 'BAD_TIMESTAMP', 'timestamp'],
      ['a nonsense cookie permission', withValue('cookie_permission', 'maybe'), 'BAD_PERMISSION', 'cookie_permission'],
      ['a nonsense CRM permission', withValue('crm_permission', '1'), 'BAD_PERMISSION', 'crm_permission'],
      ['a nonsense domain', withValue('domain', 'moon'), 'BAD_DOMAIN', 'domain'],
      ['an unmapped source without domain', withValue('source', 'pos'), 'UNKNOWN_SOURCE', 'domain'],
      ['a source named like an Object property', withValue('source', 'constructor'), 'UNKNOWN_SOURCE', 'domain'],
      ['a field over limits.maxFieldLength', withValue('first_name', 'x'.repeat(51)), 'FIELD_TOO_LONG', 'first_name'],
    ])('for %s', (_name, values, code, field) => {
      const result = mapRow(values, plan, context, config);
      expect(result).toMatchObject({ level: 'row', code, field, file: 'in.csv', line: 7 });
      expect(JSON.stringify(result)).not.toContain('a@b.de');
    });
  });

  describe('should map a good row', () => {
    test('for a source mapped in config', () => {
      expect(mapRow(good, plan, context, config)).toStrictEqual({
        file: 'in.csv',
        line: 7,
        recordId: 'r1',
        source: 'shop',
        domain: 'crm',
        timestamp: Date.UTC(2024, 4, 1, 10),
        identifiers: [{ type: 'email', raw: 'a@b.de' }],
        attributes: { first_name: 'Ann' },
        cookiePermission: 'granted',
        crmPermission: null,
      });
    });

    test('for an unmapped source with a domain in the row', () => {
      expect(mapRow(withValue('source', 'pos').map((v, i) => (i === 2 ? 'online' : v)), plan, context, config)).toMatchObject({ source: 'pos', domain: 'online' });
    });
  });

  describe('should never throw', () => {
    const value = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('__proto__', 'constructor', 'toString', 'granted', 'crm', 'shop'));
    test.prop([fc.array(fc.oneof(fc.constantFrom(...HEADER, '__proto__', 'constructor'), fc.string()), { minLength: 1, maxLength: 10 }), fc.array(value, { maxLength: 12 })])(
      'for any header and values',
      (header, values) => {
        const result = mapRow(values, planColumns(header, config), context, config);
        if ('level' in result) expect(result.level).toBe('row');
        else expect(['crm', 'online']).toContain(result.domain);
      },
    );
  });
});

describe('rowSource', () => {
  describe('should fall back to the file source', () => {
    test.each([
      [['r1', ''], 'in'],
      [['r1', ' pos '], 'pos'],
      [['r1'], 'in'],
    ])('for %j', (values, expected) => {
      expect(rowSource(values, planColumns(['record_id', 'source'], config), 'in')).toBe(expected);
    });
  });
});
