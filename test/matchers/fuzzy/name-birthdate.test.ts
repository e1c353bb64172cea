import { describe, expect, test } from 'vitest';
import { keysOf } from '../../../src/matchers/blocking-key.js';
import { nameBirthdate } from '../../../src/matchers/fuzzy/name-birthdate.js';
import { profile } from '../../helpers/match-records.js';
import { CONTEXT } from './context.js';

const jonas = { firstName: 'jonas', lastName: 'wagner', birthDate: '1985-03-07' };

describe('nameBirthdate', () => {
  describe('should give no link', () => {
    test('for names that agree without a birth date', () => {
      expect(nameBirthdate.score(profile(0, { firstName: 'jonas', lastName: 'wagner' }), profile(1, { firstName: 'jonas', lastName: 'wagner' }), CONTEXT)).toBeNull();
    });
    test('for the same birth date with both names different', () => {
      expect(nameBirthdate.score(profile(0, jonas), profile(1, { ...jonas, firstName: 'lena', lastName: 'becker' }), CONTEXT)).toBeNull();
    });
    test('for the same names with birth dates far apart', () => {
      expect(nameBirthdate.score(profile(0, jonas), profile(1, { ...jonas, birthDate: '1962-11-30' }), CONTEXT)).toBeNull();
    });
  });
  describe('should link', () => {
    test('for a typo in a name and a digit off in the date', () => {
      const score = nameBirthdate.score(profile(0, jonas), profile(1, { ...jonas, firstName: 'jnoas', birthDate: '1985-03-08' }), CONTEXT);
      expect(score?.evidence).toBe('name and birth date: first name similarity 0.94, same last name, birth date one digit off');
      expect(score!.weight).toBeGreaterThanOrEqual(CONTEXT.threshold);
    });
    test('for swapped first and last names', () => {
      expect(nameBirthdate.score(profile(0, jonas), profile(1, { ...jonas, firstName: 'wagner', lastName: 'jonas' }), CONTEXT)).not.toBeNull();
    });
  });
  test('should block on birth date with either initial', () => {
    const keys = nameBirthdate.blocking.map((rule) => keysOf(rule.keys, profile(0, jonas)));
    expect(keys).toStrictEqual([['1985-03-07|j', '1985-03-07|w'], ['1985|j520|w256']]);
  });
});
