import { describe, expect, test } from 'vitest';
import { address } from '../../../src/matchers/fuzzy/address.js';
import { profile } from '../../helpers/match-records.js';
import { CONTEXT } from './context.js';

const home = { lastName: 'wagner', street: 'hauptstrasse 5', postalCode: '10115', city: 'berlin' };

describe('address', () => {
  describe('should give no link', () => {
    test('for a household: same address and last name, different first name and birth date', () => {
      expect(
        address.score(profile(0, { ...home, firstName: 'anna', birthDate: '1960-01-01' }), profile(1, { ...home, firstName: 'jonas', birthDate: '1990-05-05' }), CONTEXT),
      ).toBeNull();
    });
    test('for a neighbour: same street, other house number', () => {
      expect(address.score(profile(0, { ...home, firstName: 'anna' }), profile(1, { ...home, firstName: 'anna', street: 'hauptstrasse 7' }), CONTEXT)).toBeNull();
    });
  });
  describe('should link', () => {
    test('for the same first name at a typo-apart address', () => {
      const score = address.score(profile(0, { ...home, firstName: 'anna' }), profile(1, { ...home, firstName: 'anna', street: 'hauptstrase 5' }), CONTEXT);
      expect(score?.evidence).toBe('address: same first name, same last name, street similarity 0.92, same house number, same postal code');
    });
    test('for the same birth date with a married name', () => {
      expect(
        address.score(
          profile(0, { ...home, firstName: 'anna', birthDate: '1960-01-01' }),
          profile(1, { ...home, firstName: 'anna', lastName: 'becker', birthDate: '1960-01-01' }),
          CONTEXT,
        ),
      ).not.toBeNull();
    });
  });
});
