import { describe, expect, test } from 'vitest';
import { compareProfiles } from '../../src/matchers/comparison.js';
import { describeComparison } from '../../src/matchers/evidence.js';
import { profile } from '../helpers/match-records.js';

const thresholds = { name: 0.88, text: 0.8 };

describe('describeComparison', () => {
  test('should say nothing for two empty profiles', () => {
    expect(describeComparison(compareProfiles(profile(0), profile(1), thresholds))).toBe('');
  });
  test('should describe every field present on both sides, without any value', () => {
    const fields = {
      firstName: 'isabelle',
      lastName: 'mueller',
      birthDate: '1985-03-07',
      street: 'hauptstrasse 5',
      postalCode: '10115',
      emails: ['isabelle.mueller@web.de'],
      phones: ['+4917012345678'],
    };
    const text = describeComparison(
      compareProfiles(profile(0, fields), profile(1, { ...fields, firstName: 'isabeel', birthDate: '1985-03-08', phones: ['+4917012345679'] }), thresholds),
    );
    expect(text).toBe(
      'first name similarity 0.95, same last name, birth date one digit off, same street, same house number, same postal code, same email, phone one digit off',
    );
    for (const value of ['isabel', 'mueller', '1985', 'hauptstrasse', '10115', 'web.de', '4917']) expect(text).not.toContain(value);
  });
  test.each([
    ['5752105', 'same national ID'],
    ['5752150', 'national ID a typo apart'],
    ['1111111', 'different national ID'],
  ] as const)('should describe a national ID compared with %s as "%s", without the value', (other, words) => {
    const text = describeComparison(compareProfiles(profile(0, { nationalId: '5752105' }), profile(1, { nationalId: other }), thresholds));
    expect(text).toBe(words);
  });
});
