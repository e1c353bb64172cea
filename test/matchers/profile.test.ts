import { describe, expect, test } from 'vitest';
import { hasFuzzyFields, profileOf } from '../../src/matchers/profile.js';
import { matchRecord } from '../helpers/match-records.js';

describe('profileOf', () => {
  test('should give an empty profile for a record without attributes', () => {
    expect(profileOf(matchRecord(3))).toStrictEqual({
      index: 3,
      first: null,
      last: null,
      firstCode: null,
      lastCode: null,
      birthDate: null,
      street: null,
      streetName: null,
      houseNumber: null,
      postalCode: null,
      city: null,
      nationalId: null,
      emails: [],
      phones: [],
    });
  });
  test('should split the street line, code the names and split the emails', () => {
    const p = profileOf(
      matchRecord(0, {
        firstName: 'hans peter',
        lastName: 'mueller',
        street: 'pridham street 12 14a',
        emails: ['hans@web.de', 'no-at-sign'],
        phones: ['+4917012345678'],
      }),
    );
    expect(p).toMatchObject({
      firstCode: 'h520',
      lastCode: 'm460',
      streetName: 'pridhamstreet',
      houseNumber: '12 14a',
      emails: [
        { local: 'hans', domain: 'web.de' },
        { local: 'no-at-sign', domain: '' },
      ],
    });
  });
  test('should leave placeholder emails and phones out', () => {
    expect(profileOf(matchRecord(0, { emails: ['test@test.de', 'anna@web.de'], phones: ['+490000000000', '+4917012345678'] }))).toMatchObject({
      emails: [{ local: 'anna', domain: 'web.de' }],
      phones: ['+4917012345678'],
    });
  });
  test('should leave no street name for a house number only', () => {
    expect(profileOf(matchRecord(0, { street: '24' }))).toMatchObject({ streetName: null, houseNumber: '24' });
  });
});

describe('hasFuzzyFields', () => {
  test('should be false for a record with only a city', () => expect(hasFuzzyFields(profileOf(matchRecord(0, { city: 'bonn' })))).toBe(false));
  test.each([
    ['a first name', { firstName: 'anna' }],
    ['a birth date', { birthDate: '1985-03-07' }],
    ['an email', { emails: ['a@b.de'] }],
    ['a phone', { phones: ['+4917012345678'] }],
    ['a national ID', { nationalId: '1234567' }],
  ] as const)('should be true for %s', (_what, fields) => expect(hasFuzzyFields(profileOf(matchRecord(0, fields)))).toBe(true));
});
