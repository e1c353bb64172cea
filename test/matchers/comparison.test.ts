import { describe, expect, test } from 'vitest';
import { compareBirthDates, compareNames, compareNationalIds, compareProfiles, type Comparison } from '../../src/matchers/comparison.js';
import { profile } from '../helpers/match-records.js';

const thresholds = { name: 0.88, text: 0.8 };

const nothing: Comparison = {
  first: 'missing',
  firstSimilarity: 0,
  last: 'missing',
  lastSimilarity: 0,
  swapped: false,
  birthDate: 'missing',
  street: 'missing',
  streetSimilarity: 0,
  houseNumber: 'missing',
  postalCode: 'missing',
  city: 'missing',
  email: 'missing',
  emailSimilarity: 0,
  phone: 'missing',
  nationalId: 'missing',
};

describe('compareNames', () => {
  test.each([
    [null, 'anna', 'missing'],
    ['anna', 'anna', 'exact'],
    ['isabelle', 'isabeel', 'similar'],
    ['max', 'maximilian', 'weak'],
    ['j', 'jonas', 'weak'],
    ['hans peter', 'peter', 'weak'],
    ['anna', 'peter', 'different'],
    ['paul', 'paula', 'different'],
    ['peter', 'petra', 'different'],
  ] as const)('should rate %s / %s as %s', (a, b, level) => {
    expect(compareNames(a, b, 0.88).level).toBe(level);
  });
});

describe('compareBirthDates', () => {
  test.each([
    [null, '1985-03-07', 'missing'],
    ['1985-03-07', '1985-03-07', 'exact'],
    ['1985-03-07', '1985-03-08', 'one-off'],
    ['1985-03-07', '1985-07-03', 'one-off'],
    ['1985-03-17', '1985-03-71', 'one-off'],
    ['1985-03-07', '1985-04-08', 'near'],
    ['1973-10-27', '1973-11-26', 'near'],
    ['1985-12-20', '1986-01-19', 'near'],
    ['2000-02-28', '2000-03-30', 'near'],
    ['2000-02-28', '2000-03-31', 'different'],
    ['1985-12-20', '1986-01-22', 'different'],
    ['2007-09-13', '2017-10-11', 'different'],
    ['1985-03-07', '1990-11-21', 'different'],
  ] as const)('should rate %s / %s as %s', (a, b, level) => {
    expect(compareBirthDates(a, b)).toBe(level);
  });
});

describe('compareNationalIds', () => {
  test.each([
    [null, '1234567', 'missing'],
    ['1234567', '1234567', 'exact'],
    ['1234567', '1243567', 'similar'],
    ['1234567', '123456', 'similar'],
    ['1234567', '1234500', 'different'],
  ] as const)('should rate %s / %s as %s', (a, b, level) => {
    expect(compareNationalIds(a, b)).toBe(level);
  });
});

describe('compareProfiles', () => {
  test('should give every field missing for two empty profiles', () => {
    expect(compareProfiles(profile(0), profile(1), thresholds)).toStrictEqual(nothing);
  });
  test('should read swapped first and last names crosswise', () => {
    const c = compareProfiles(
      profile(0, { firstName: 'madeline', lastName: 'mason' }),
      profile(1, { firstName: 'masno', lastName: 'madeline' }),
      thresholds,
    );
    expect(c).toMatchObject({ first: 'exact', last: 'similar', swapped: true });
  });
  test('should read a name in the other field crosswise when the other side lacks it', () => {
    const c = compareProfiles(profile(0, { firstName: 'hunter', lastName: 'noah' }), profile(1, { lastName: 'hunter' }), thresholds);
    expect(c).toMatchObject({ first: 'exact', last: 'missing', swapped: true });
  });
  test('should compare street name and house number apart', () => {
    const c = compareProfiles(
      profile(0, { street: 'pridham street 177', postalCode: '3165' }),
      profile(1, { street: 'pridhamstreet 177', postalCode: '3167', city: 'marsden' }),
      thresholds,
    );
    expect(c).toMatchObject({ street: 'exact', houseNumber: 'exact', postalCode: 'similar', city: 'missing' });
  });
  test('should compare the city when postal codes differ or are missing, and leave it out when they agree', () => {
    const berlin = (postalCode: string | null) => ({ postalCode, city: 'berlin' });
    expect(compareProfiles(profile(0, berlin('10115')), profile(1, berlin('10117')), thresholds)).toMatchObject({ postalCode: 'similar', city: 'exact' });
    expect(compareProfiles(profile(0, berlin(null)), profile(1, berlin('10117')), thresholds)).toMatchObject({ postalCode: 'missing', city: 'exact' });
    expect(compareProfiles(profile(0, berlin('10115')), profile(1, berlin('10115')), thresholds)).toMatchObject({ postalCode: 'exact', city: 'missing' });
  });
  describe('should compare emails', () => {
    test.each([
      ['jonas.mueller@web.de', 'jonas.mueller@web.de', 'exact'],
      ['jonas.mueller@web.de', 'jonas.mueler@web.de', 'similar'],
      ['lola.b@martinez-jones.net', 'lola.b@martinesz-jone.net', 'similar'],
      ['thomas1953@gmx.de', 'thomas1958@gmx.de', 'different'],
      ['lisa.schmidt@gmx.net', 'lisa_schmid@gmx.de', 'different'],
      ['anna@web.de', 'peter@web.de', 'different'],
    ] as const)('%s / %s as %s', (a, b, level) => {
      expect(compareProfiles(profile(0, { emails: [a] }), profile(1, { emails: [b] }), thresholds).email).toBe(level);
    });
  });
  test('should compare national IDs', () => {
    expect(compareProfiles(profile(0, { nationalId: '5752105' }), profile(1, { nationalId: '5752150' }), thresholds).nationalId).toBe('similar');
  });
  describe('should compare phones', () => {
    test.each([
      ['+4917012345678', '+4917012345678', 'exact'],
      ['+4917012345678', '+4917012345670', 'similar'],
      ['+4917012345678', '+491701234567', 'similar'],
      ['+4917012345678', '+4930123456', 'different'],
    ] as const)('%s / %s as %s', (a, b, level) => {
      expect(compareProfiles(profile(0, { phones: [a] }), profile(1, { phones: [b] }), thresholds).phone).toBe(level);
    });
  });
});
