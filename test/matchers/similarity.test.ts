import { describe, expect, test } from 'vitest';
import { jaroWinkler } from '../../src/matchers/jaro-winkler.js';
import { editDistance, levenshteinSimilarity, nameSimilarity, tokenOverlap } from '../../src/matchers/similarity.js';

describe('levenshteinSimilarity', () => {
  describe('should handle edge cases', () => {
    test('for two empty strings', () => expect(levenshteinSimilarity('', '')).toBe(1));
    test('for one empty string', () => expect(levenshteinSimilarity('', 'abc')).toBe(0));
  });
  test.each([
    ['mueller', 'muller', 1 - 1 / 7],
    ['abcd', 'abcd', 1],
    ['abcd', 'wxyz', 0],
  ] as const)('should be 1 - distance / longer length for %s / %s', (a, b, expected) => {
    expect(levenshteinSimilarity(a, b)).toBeCloseTo(expected, 10);
  });
});

describe('editDistance', () => {
  test.each([
    ['', '', 0],
    ['kitten', 'sitting', 3],
    ['+4917012345678', '+4917012345679', 1],
  ] as const)('should count edits for %s / %s', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
  });
});

describe('nameSimilarity', () => {
  test("should forgive a short name's typo as Jaro-Winkler does (Levenshtein: 0.8)", () => {
    expect(nameSimilarity('luas', 'lucas')).toBeGreaterThan(0.9);
  });
  test.each([
    ['luas', 'lucas'],
    ['abcdefgh', 'habcdefg'],
    ['mikhayla', 'mikhvyla'],
    ['anna', 'peter'],
  ] as const)('should be the better of Jaro-Winkler and Levenshtein for %s / %s', (a, b) => {
    expect(nameSimilarity(a, b)).toBe(Math.max(jaroWinkler(a, b), levenshteinSimilarity(a, b)));
  });
  test('should be 1 for equal names', () => expect(nameSimilarity('anna', 'anna')).toBe(1));
});

describe('tokenOverlap', () => {
  test.each([
    ['', '', 1],
    ['hans peter', 'peter hans', 1],
    ['hans peter', 'hans', 0.5],
    ['anna', 'peter', 0],
  ] as const)('should be the Jaccard index of the tokens for "%s" / "%s"', (a, b, expected) => {
    expect(tokenOverlap(a, b)).toBe(expected);
  });
});
