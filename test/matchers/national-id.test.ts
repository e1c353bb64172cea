import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { nationalIdKeys, normaliseNationalId, oneTypoApart } from '../../src/matchers/national-id.js';

describe('normaliseNationalId', () => {
  describe('should give null', () => {
    test('for an empty value', () => expect(normaliseNationalId('')).toBeNull());
    test('for separators only', () => expect(normaliseNationalId(' - / . ')).toBeNull());
  });
  test('should lower-case and drop separators', () => expect(normaliseNationalId(' 12 345-678/9.A ')).toBe('123456789a'));
});

describe('oneTypoApart', () => {
  describe('should be false', () => {
    test.each([
      ['equal IDs', '1234567', '1234567'],
      ['two changed digits', '1234567', '1234500'],
      ['two inserted digits', '1234567', '123456789'],
      ['swapped digits that are not neighbours', '1234567', '1534267'],
      ['a changed and a dropped digit', '1234567', '124560'],
    ] as const)('for %s', (_what, a, b) => expect(oneTypoApart(a, b)).toBe(false));
  });
  describe('should be true', () => {
    test.each([
      ['a changed digit', '1234567', '1239567'],
      ['a changed last digit', '1234567', '1234568'],
      ['a dropped digit', '1234567', '124567'],
      ['an inserted last digit', '1234567', '12345678'],
      ['two swapped neighbours', '1234567', '1243567'],
      ['the last two digits swapped', '1234567', '1234576'],
    ] as const)('for %s, either way round', (_what, a, b) => {
      expect(oneTypoApart(a, b)).toBe(true);
      expect(oneTypoApart(b, a)).toBe(true);
    });
  });
});

describe('nationalIdKeys', () => {
  test('should give only the ID itself for an ID shorter than nine characters', () => expect(nationalIdKeys('12345678')).toStrictEqual(['12345678']));
  test('should give the ID and each one-character deletion, once each', () => {
    expect(nationalIdKeys('123456789')).toStrictEqual(['123456789', '23456789', '13456789', '12456789', '12356789', '12346789', '12345789', '12345689', '12345679', '12345678']);
    expect(nationalIdKeys('111222333')).toStrictEqual(['111222333', '11222333', '11122333', '11122233']);
  });
  const id = fc.stringMatching(/^[0-9]{10,12}$/);
  const typo = fc.tuple(id, fc.nat(), fc.constantFrom('change', 'insert', 'drop', 'swap'), fc.constantFrom(...'0123456789')).map(([value, at, kind, digit]) => {
    const i = at % value.length;
    if (kind === 'change') return [value, value.slice(0, i) + digit + value.slice(i + 1)] as const;
    if (kind === 'insert') return [value, value.slice(0, i) + digit + value.slice(i)] as const;
    if (kind === 'drop') return [value, value.slice(0, i) + value.slice(i + 1)] as const;
    const j = Math.min(i, value.length - 2);
    return [value, value.slice(0, j) + value[j + 1]! + value[j]! + value.slice(j + 2)] as const;
  });
  propTest.prop([typo])('should share a key between an ID and any one typo of it (oracle: oneTypoApart)', ([a, b]) => {
    if (a === b) return;
    expect(oneTypoApart(a, b)).toBe(true);
    const keys = new Set(nationalIdKeys(a));
    expect(nationalIdKeys(b).some((key) => keys.has(key))).toBe(true);
  });
});
