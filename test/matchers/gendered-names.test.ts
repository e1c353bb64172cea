import { describe, expect, test } from 'vitest';
import { isGenderedVariant } from '../../src/matchers/gendered-names.js';

describe('isGenderedVariant', () => {
  describe('should not flag', () => {
    test('for equal names', () => expect(isGenderedVariant('anna', 'anna')).toBe(false));
    test.each([
      ['jonas', 'jnoas'],
      ['katharina', 'katarina'],
      ['thomas', 'tomas'],
      ['a', 'ab'],
    ] as const)('for the typo or unrelated pair %s / %s', (a, b) => expect(isGenderedVariant(a, b)).toBe(false));
  });
  describe('should flag', () => {
    test.each([
      ['paul', 'paula'],
      ['daniel', 'daniela'],
      ['peter', 'petra'],
      ['christian', 'christina'],
      ['andreas', 'andrea'],
      ['maria', 'mario'],
      ['julian', 'julia'],
      ['anna', 'anne'],
    ] as const)('for %s / %s, either way round', (a, b) => {
      expect(isGenderedVariant(a, b)).toBe(true);
      expect(isGenderedVariant(b, a)).toBe(true);
    });
  });
});
