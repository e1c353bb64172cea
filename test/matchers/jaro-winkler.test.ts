import { describe, expect, test } from 'vitest';
import { jaro, jaroWinkler } from '../../src/matchers/jaro-winkler.js';

describe('jaro', () => {
  describe('should handle edge cases', () => {
    test('for two empty strings', () => expect(jaro('', '')).toBe(1));
    test('for one empty string', () => expect(jaro('', 'anna')).toBe(0));
    test('for no common character', () => expect(jaro('abc', 'xyz')).toBe(0));
    test('for one character each, equal', () => expect(jaro('a', 'a')).toBe(1));
  });
  describe('should give the textbook values', () => {
    test.each([
      ['martha', 'marhta', 0.944],
      ['dixon', 'dicksonx', 0.767],
      ['jellyfish', 'smellyfish', 0.896],
    ] as const)('for %s / %s', (a, b, expected) => {
      expect(jaro(a, b)).toBeCloseTo(expected, 3);
    });
  });
});

describe('jaroWinkler', () => {
  describe('should give the textbook values', () => {
    test.each([
      ['martha', 'marhta', 0.961],
      ['dwayne', 'duane', 0.84],
      ['dixon', 'dicksonx', 0.813],
    ] as const)('for %s / %s', (a, b, expected) => {
      expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3);
    });
  });
  describe('should be symmetric and bounded', () => {
    test.each([
      ['anna', 'anne'],
      ['mueller', 'muller'],
      ['a', 'abcdef'],
      ['luas', 'lucas'],
    ] as const)('for %s / %s', (a, b) => {
      const score = jaroWinkler(a, b);
      expect(score).toBe(jaroWinkler(b, a));
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    });
  });
});
