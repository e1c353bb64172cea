import { describe, expect, test } from 'vitest';
import { soundex } from '../../src/matchers/soundex.js';

describe('soundex', () => {
  describe('should give no code', () => {
    test('for an empty name', () => expect(soundex('')).toBeNull());
    test('for a name without a letter a–z', () => expect(soundex(' 12 ')).toBeNull());
  });
  describe('should give American Soundex', () => {
    test.each([
      ['robert', 'r163'],
      ['rupert', 'r163'],
      ['ashcraft', 'a261'],
      ['tymczak', 't522'],
      ['pfister', 'p236'],
      ['lee', 'l000'],
      ['mueller', 'm460'],
      ['muller', 'm460'],
    ] as const)('for %s', (name, code) => expect(soundex(name)).toBe(code));
  });
  test('should ignore spaces', () => expect(soundex('van dyke')).toBe(soundex('vandyke')));
});
