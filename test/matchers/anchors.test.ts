import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { hasAnchor } from '../../src/matchers/anchors.js';
import { compareProfiles } from '../../src/matchers/comparison.js';
import { FUZZY_MATCHERS } from '../../src/matchers/fuzzy/registry.js';
import { profile } from '../helpers/match-records.js';

const thresholds = { name: 0.88, text: 0.8 };

describe('hasAnchor', () => {
  test('should be false for two profiles with nothing in common', () => {
    expect(hasAnchor(profile(0, { firstName: 'anna', lastName: 'weber', city: 'bonn' }), profile(1, { firstName: 'paul', lastName: 'koch', city: 'bonn' }), thresholds)).toBe(false);
  });
  test('should be false for birth dates a month apart and national IDs two digits apart', () => {
    const a = profile(0, { birthDate: '1973-10-27', nationalId: '1234567' });
    expect(hasAnchor(a, profile(1, { birthDate: '1973-11-26', nationalId: '1234500' }), thresholds)).toBe(false);
  });
  test.each([
    ['birth dates one digit apart', { birthDate: '1985-03-07' }, { birthDate: '1985-03-08' }],
    ['the same house number', { street: 'a 5' }, { street: 'b 5' }],
    ['a typo-apart street', { street: 'hauptstrasse' }, { street: 'hauptstrase' }],
    ['phones one digit apart', { phones: ['+4917012345678'] }, { phones: ['+4917012345679'] }],
    ['the same email local part', { emails: ['anna.weber@web.de'] }, { emails: ['anna.weber@gmx.de'] }],
    ['swapped names', { firstName: 'anna', lastName: 'weber' }, { firstName: 'weber', lastName: 'anna' }],
    ['national IDs a typo apart', { nationalId: '1234567' }, { nationalId: '1234576' }],
  ] as const)('should be true for %s', (_what, a, b) => {
    expect(hasAnchor(profile(0, a), profile(1, b), thresholds)).toBe(true);
  });

  const value = <T>(values: readonly T[]) => fc.option(fc.constantFrom(...values), { nil: null });
  const arbitraryProfile = fc.record({
    firstName: value(['anna', 'anne', 'ana', 'paul', 'paula', 'weber', 'a']),
    lastName: value(['weber', 'webber', 'koch', 'anna', 'paul']),
    birthDate: value(['1985-03-07', '1985-03-08', '1985-07-03', '1990-01-01']),
    street: value(['hauptstrasse 5', 'hauptstrase 5', 'hauptstrasse 7', '5', 'bahnhofstrasse 5']),
    postalCode: value(['10115', '10117', '80331']),
    city: value(['berlin', 'berlim', 'muenchen']),
    emails: fc.subarray(['anna.weber@web.de', 'anna.webr@web.de', 'anna.weber@gmx.de', 'a1@web.de']),
    phones: fc.subarray(['+4917012345678', '+4917012345679', '+4930123456']),
    nationalId: value(['1234567', '1234576', '7654321']),
  });
  propTest.prop([arbitraryProfile, arbitraryProfile])('should hold for every pair some matcher accepts', (a, b) => {
    const x = profile(0, a);
    const y = profile(1, b);
    const c = compareProfiles(x, y, thresholds);
    if (FUZZY_MATCHERS.some((matcher) => matcher.accepts(c))) expect(hasAnchor(x, y, thresholds)).toBe(true);
  });
});
