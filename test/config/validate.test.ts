import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG, validateConfig } from '../../src/config/index.js';
import { IdgraphError } from '../../src/errors/index.js';

function errorOf(raw: unknown): IdgraphError {
  try {
    validateConfig(raw, 'c.json');
  } catch (error) {
    if (error instanceof IdgraphError) return error;
    throw error;
  }
  throw new Error('expected validateConfig to throw');
}

describe('validateConfig', () => {
  describe('should give the defaults for an empty file', () => {
    test('for {}', () => {
      expect(validateConfig({}, 'c.json')).toStrictEqual(DEFAULT_CONFIG);
    });
  });

  describe('should reject unknown keys with a suggestion', () => {
    test.each([
      [{ source: {} }, 'unknown key "source"; did you mean "sources"?'],
      [{ limits: { recordsPerCustomr: 5 } }, 'unknown key "limits.recordsPerCustomr"; did you mean "recordsPerCustomer"?'],
      [{ limits: { identifiersPerType: { mail: 2 } } }, 'unknown key "limits.identifiersPerType.mail"; did you mean "email"?'],
      [{ zzzzzzzz: 1 }, 'unknown key "zzzzzzzz"; see the configuration reference in README.md'],
    ])('for %j', (raw, message) => {
      const error = errorOf(raw);
      expect(error.code).toBe('CONFIG_UNKNOWN_KEY');
      expect(error.exitCode).toBe(1);
      expect(error.message).toBe(`c.json: ${message}`);
    });
  });

  describe('should reject values of the wrong kind, naming the key', () => {
    test.each([
      [{ sources: { shop: 'offline' } }, 'sources.shop'],
      [{ columns: { Mail: 'e-mail' } }, 'columns.Mail'],
      [{ phone: { defaultRegion: 'Germany' } }, 'phone.defaultRegion'],
      [{ limits: { recordsPerCustomer: 0 } }, 'limits.recordsPerCustomer'],
      [{ junk: { values: ['nonsense'] } }, 'junk.values[0]'],
      [{ consent: 'maybe' }, 'consent'],
      [[], 'top level'],
    ])('for %j', (raw, where) => {
      const error = errorOf(raw);
      expect(error.code).toBe('CONFIG_INVALID');
      expect(error.message.startsWith(`c.json: ${where}: `)).toBe(true);
    });
  });

  describe('should merge given values over the defaults', () => {
    test('for sources, columns, a limit and the phone region', () => {
      const config = validateConfig(
        {
          $comment: 'documentation is allowed',
          sources: { shop: 'crm', web: 'online' },
          columns: { 'E-Mail': 'email' },
          phone: { defaultRegion: 'AT' },
          limits: { identifiersPerType: { email: 5 } },
        },
        'c.json',
      );
      expect(config.sources).toStrictEqual({ shop: 'crm', web: 'online' });
      expect(config.columns).toStrictEqual({ 'E-Mail': 'email' });
      expect(config.phone.defaultRegion).toBe('AT');
      expect(config.limits.identifiersPerType).toStrictEqual({ ...DEFAULT_CONFIG.limits.identifiersPerType, email: 5 });
    });
    test('for a column mapped onto the national_id attribute', () => {
      expect(validateConfig({ columns: { soc_sec_id: 'national_id' } }, 'c.json').columns).toStrictEqual({ soc_sec_id: 'national_id' });
    });
  });
});

describe('validateConfig fuzzy section', () => {
  test('should run every matcher by default, national-id included', () => {
    expect(validateConfig({}, 'c.json').fuzzy.matchers).toStrictEqual(['name-birthdate', 'address', 'phone-typo', 'email-local', 'national-id', 'name', 'co-resident']);
  });
  test('should merge every fuzzy key over the defaults', () => {
    const fuzzy = { enabled: false, threshold: 0.9, matchers: ['name', 'address'], maxBlockSize: 50, nameSimilarity: 0.9, textSimilarity: 0.85, duplicatesPerRecord: 3 };
    expect(validateConfig({ fuzzy }, 'c.json').fuzzy).toStrictEqual(fuzzy);
  });
  test('should reject an unknown fuzzy key with a suggestion', () => {
    const error = errorOf({ fuzzy: { maxBlocksize: 10 } });
    expect(error.code).toBe('CONFIG_UNKNOWN_KEY');
    expect(error.message).toBe('c.json: unknown key "fuzzy.maxBlocksize"; did you mean "maxBlockSize"?');
  });
  test.each([
    [{ threshold: 0 }, 'fuzzy.threshold'],
    [{ nameSimilarity: 1.5 }, 'fuzzy.nameSimilarity'],
    [{ textSimilarity: 'high' }, 'fuzzy.textSimilarity'],
    [{ maxBlockSize: 1.5 }, 'fuzzy.maxBlockSize'],
    [{ duplicatesPerRecord: 0 }, 'fuzzy.duplicatesPerRecord'],
    [{ matchers: ['name', 'soundalike'] }, 'fuzzy.matchers'],
  ])('should reject %j, naming the key', (fuzzy, where) => {
    const error = errorOf({ fuzzy });
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message.startsWith(`c.json: ${where}: `)).toBe(true);
  });
});
