import { describe, expect, test } from 'vitest';
import { keysOf } from '../../../src/matchers/blocking-key.js';
import { phoneTypo } from '../../../src/matchers/fuzzy/phone-typo.js';
import { profile } from '../../helpers/match-records.js';
import { CONTEXT } from './context.js';

const jonas = { firstName: 'jonas', lastName: 'wagner', phones: ['+4917012345678'] };

describe('phoneTypo', () => {
  describe('should give no link', () => {
    test('for a shared landline behind different first names', () => {
      expect(phoneTypo.score(profile(0, jonas), profile(1, { ...jonas, firstName: 'anna' }), CONTEXT)).toBeNull();
    });
    test('for phones two digits apart', () => {
      expect(phoneTypo.score(profile(0, jonas), profile(1, { ...jonas, phones: ['+4917012345600'] }), CONTEXT)).toBeNull();
    });
  });
  test('should link a digit typo behind the same name', () => {
    const score = phoneTypo.score(profile(0, jonas), profile(1, { ...jonas, phones: ['+4917012345679'] }), CONTEXT);
    expect(score?.evidence).toBe('phone one digit off: same first name, same last name, phone one digit off');
  });
  test('should block on three parts of the number, one of which a changed digit leaves intact', () => {
    expect(phoneTypo.blocking.map((rule) => keysOf(rule.keys, profile(0, jonas)))).toStrictEqual([['h|+4917012345', 't|2345678', 'm|+491701_678']]);
  });
});
