import { describe, expect, test } from 'vitest';
import { CoResidentTally } from '../../../src/matchers/co-residents.js';
import { compareProfiles } from '../../../src/matchers/comparison.js';
import { coResident } from '../../../src/matchers/fuzzy/co-resident.js';
import { profile } from '../../helpers/match-records.js';
import { CONTEXT } from './context.js';

const home = { lastName: 'wagner', street: 'hauptstrasse 5', postalCode: '10115' };
const anna = profile(0, { ...home, firstName: 'anna', birthDate: '1960-01-01' });
const jonas = profile(1, { ...home, firstName: 'jonas', birthDate: '1990-05-05' });

function tallied(sameBoth: number, differBoth: number, oneError: number) {
  const tally = new CoResidentTally();
  const add = (count: number, first: string, birthDate: string) => {
    const c = compareProfiles(profile(0, { ...home, firstName: 'anna', birthDate: '1960-01-01' }), profile(1, { ...home, firstName: first, birthDate }), CONTEXT.thresholds);
    for (let i = 0; i < count; i++) tally.add(c);
  };
  add(sameBoth, 'anna', '1960-01-01');
  add(differBoth, 'jonas', '1990-05-05');
  add(oneError, 'jonas', '1960-01-01');
  add(oneError, 'anna', '1990-05-05');
  return tally.estimate();
}

describe('coResident', () => {
  test('should accept only co-residents whose first name and birth date both fail to agree', () => {
    expect(coResident.accepts(compareProfiles(anna, jonas, CONTEXT.thresholds))).toBe(true);
    expect(coResident.accepts(compareProfiles(anna, profile(1, { ...home, firstName: 'anna' }), CONTEXT.thresholds))).toBe(false);
    expect(coResident.accepts(compareProfiles(anna, profile(1, { ...home, lastName: 'becker', firstName: 'jonas' }), CONTEXT.thresholds))).toBe(false);
  });
  test('should not score before the co-resident model exists', () => {
    expect(coResident.score(anna, jonas, CONTEXT)).toBeNull();
  });
  test('should not link a household in data with households', () => {
    expect(coResident.score(anna, jonas, { ...CONTEXT, coResidents: tallied(500, 300, 5) })).toBeNull();
  });
  test('should link in data where co-residents are one person keyed with errors', () => {
    const score = coResident.score(anna, jonas, { ...CONTEXT, coResidents: tallied(3000, 40, 400) });
    expect(score?.evidence).toBe(
      'same address, first name or birth date disagreeing (data without households): different first name, same last name, different birth date, same street, same house number, same postal code',
    );
  });
  test('should need the co-resident model', () => expect(coResident.needsCoResidents).toBe(true));
});
