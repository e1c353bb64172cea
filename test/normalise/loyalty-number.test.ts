import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { normaliseLoyaltyNumber } from '../../src/normalise/loyalty-number.js';

/** Any UTF-16 string, lone surrogates included. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) }),
  fc.string({ unit: fc.constantFrom(...'0123456789abcXYZ -.–') }),
);

describe('normaliseLoyaltyNumber', () => {
  describe('should reject values that cannot be a loyalty number', () => {
    test.each([
      ['the empty string', '', 'empty'],
      ['only whitespace', ' \t ', 'empty'],
      ['only separators', ' - . – ', 'empty'],
      ['a huge value', '1'.repeat(1_000_000), 'too_long'],
      ['fewer than 4 characters', '123', 'bad_characters'],
      ['fewer than 4 characters once separators are gone', '1-2-3', 'bad_characters'],
      ['a slash', '1234/5678', 'bad_characters'],
      ['an umlaut', 'KÄRTE1234', 'bad_characters'],
      ['ß (would upper-case to SS)', 'straße1234', 'bad_characters'],
      ['a dotless i (would upper-case to I)', 'ı1234', 'bad_characters'],
      ['placeholder text', 'n/a', 'bad_characters'],
      ['a lone surrogate', '1234\ud800', 'bad_characters'],
    ])('for %s', (_label, raw, reason) => {
      expect(normaliseLoyaltyNumber(raw)).toStrictEqual({ ok: false, reason });
    });
  });

  describe('should remove spaces, dashes and dots and upper-case', () => {
    test.each([
      ['exactly 4 characters', '1234', '1234'],
      ['spaces', ' 1234 5678 9012 ', '123456789012'],
      ['dashes', '1234-5678-9012', '123456789012'],
      ['an en dash', '1234–5678', '12345678'],
      ['dots', '1234.5678', '12345678'],
      ['letters', 'ab-1234 cd', 'AB1234CD'],
      ['full-width digits', '１２３４５６７８', '12345678'],
      ['leading zeros (kept)', '0001234', '0001234'],
    ])('for %s', (_label, raw, value) => {
      expect(normaliseLoyaltyNumber(raw)).toStrictEqual({ ok: true, value });
    });
  });

  describe('should be a fixed point on its own output', () => {
    test.prop([anyText])('for any input', (raw) => {
      const first = normaliseLoyaltyNumber(raw);
      if (first.ok) expect(normaliseLoyaltyNumber(first.value)).toStrictEqual(first);
    });
  });

  describe('should never throw', () => {
    test.prop([anyText])('for arbitrary strings, lone surrogates included', (raw) => {
      expect(typeof normaliseLoyaltyNumber(raw).ok).toBe('boolean');
    });
  });
});
