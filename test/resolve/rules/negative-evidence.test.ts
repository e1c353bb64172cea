import { describe, expect, test } from 'vitest';
import {
  checkNegativeEvidence,
  compatibleBirthDates,
  compatibleFirstNames,
} from '../../../src/resolve/rules/negative-evidence.js';

describe('compatibleFirstNames', () => {
  test.each([
    ['anna', 'anna', true],
    ['a', 'anna', true],
    ['jonas', 'jnoas', true],
    ['katharina', 'katarina', true],
    ['anna maria', 'anna', true],
    ['anna', 'peter', false],
    ['lena', 'lea', true],
    ['max', 'moritz', false],
    ['j', 'anna', false],
  ] as const)('%s ~ %s should be %s', (a, b, expected) => {
    expect(compatibleFirstNames(a, b)).toBe(expected);
    expect(compatibleFirstNames(b, a)).toBe(expected);
  });
});

describe('compatibleBirthDates', () => {
  test.each([
    ['1985-03-07', '1985-03-07', true],
    ['1985-03-07', '1985-07-03', true],
    ['1985-03-07', '1985-03-08', true],
    ['1985-03-07', '1986-04-07', false],
    ['1985-03-07', '1990-11-21', false],
  ] as const)('%s ~ %s should be %s', (a, b, expected) => {
    expect(compatibleBirthDates(a, b)).toBe(expected);
  });
});

describe('checkNegativeEvidence', () => {
  describe('should allow when a side knows nothing', () => {
    test('for no names and no birth dates', () => {
      expect(checkNegativeEvidence({ firstNames: undefined, birthDates: undefined }, { firstNames: ['anna'], birthDates: ['1985-03-07'] })).toStrictEqual({ allowed: true });
    });
  });
  describe('should refuse a household sharing one phone', () => {
    test('for different first names', () => {
      expect(checkNegativeEvidence({ firstNames: ['anna'], birthDates: undefined }, { firstNames: ['peter'], birthDates: undefined })).toStrictEqual({
        allowed: false,
        rule: 'conflict',
        detail: 'first names disagree',
      });
    });
    test('for the same name but different birth dates (parent and child)', () => {
      expect(checkNegativeEvidence({ firstNames: ['karl'], birthDates: ['1950-01-01'] }, { firstNames: ['karl'], birthDates: ['1980-06-15'] })).toStrictEqual({
        allowed: false,
        rule: 'conflict',
        detail: 'birth dates disagree',
      });
    });
  });
  describe('should allow when any value agrees', () => {
    test('for a component that already holds two spellings', () => {
      expect(checkNegativeEvidence({ firstNames: ['anna', 'anne'], birthDates: undefined }, { firstNames: ['anne'], birthDates: undefined }).allowed).toBe(true);
    });
  });
  describe('should not check again what a fuzzy link weighed', () => {
    const olivia = { firstNames: ['olivia'], birthDates: ['1932-09-07'] };
    const connor = { firstNames: ['connor'], birthDates: ['1932-09-07'] };
    test('for first names the link compared (a replaced first name outweighed by the rest)', () => {
      expect(checkNegativeEvidence(olivia, connor, { firstNames: true, birthDates: true }).allowed).toBe(true);
    });
    test('for birth dates, while still checking first names the link did not see', () => {
      expect(checkNegativeEvidence(olivia, { ...connor, birthDates: ['1990-01-01'] }, { firstNames: false, birthDates: true })).toStrictEqual({
        allowed: false,
        rule: 'conflict',
        detail: 'first names disagree',
      });
    });
  });
});
