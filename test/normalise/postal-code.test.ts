import { describe, expect, test } from 'vitest';
import { fc, test as propTest } from '@fast-check/vitest';
import { normalisePostalCode } from '../../src/normalise/postal-code.js';

describe('normalisePostalCode', () => {
  describe('should give null when empty', () => {
    test.each([
      ['the empty string', ''],
      ['only whitespace', ' \t\u00a0\u3000 '],
    ])('for %s', (_label, raw) => {
      expect(normalisePostalCode(raw)).toBeNull();
    });
  });

  describe('should upper-case and remove spaces', () => {
    test.each([
      ['a German code', ' 10115 ', '10115'],
      ['a leading zero (kept)', '01067', '01067'],
      ['a UK code', 'sw1a 1aa', 'SW1A1AA'],
      ['a Dutch code', '1012 ab', '1012AB'],
      ['a Portuguese code (dash kept)', '1000-001', '1000-001'],
      ['full-width digits', '１０１１５', '10115'],
      ['a letter whose upper case decomposes (recomposed)', 'ῒ', '\u03aa\u0300'],
      ['a huge value', '1 '.repeat(500_000), '1'.repeat(500_000)],
    ])('for %s', (_label, raw, expected) => {
      expect(normalisePostalCode(raw)).toBe(expected);
    });
  });

  describe('should be a fixed point on its own output', () => {
    propTest.prop([fc.string({ unit: 'binary' })])('for any input', (raw) => {
      const first = normalisePostalCode(raw);
      if (first !== null) expect(normalisePostalCode(first)).toBe(first);
    });
  });
});
