import { describe, expect, test } from 'vitest';
import { coResidentCell, CoResidentTally } from '../../src/matchers/co-residents.js';
import { compareProfiles, type Comparison } from '../../src/matchers/comparison.js';
import { profile } from '../helpers/match-records.js';

const thresholds = { name: 0.88, text: 0.8 };
const home = { lastName: 'mueller', street: 'hauptstrasse 5', postalCode: '10115' };

function compare(first: [string | null, string | null], birth: [string | null, string | null], fields = home): Comparison {
  return compareProfiles(
    profile(0, { ...fields, firstName: first[0], birthDate: birth[0] }),
    profile(1, { ...fields, firstName: first[1], birthDate: birth[1] }),
    thresholds,
  );
}

/** Adds `count` co-resident comparisons of one cell. */
function add(tally: CoResidentTally, count: number, first: [string | null, string | null], birth: [string | null, string | null]) {
  for (let i = 0; i < count; i++) tally.add(compare(first, birth));
}

const same: [string, string] = ['anna', 'anna'];
const differ: [string, string] = ['anna', 'peter'];
const sameDate: [string, string] = ['1980-01-01', '1980-01-01'];
const otherDate: [string, string] = ['1980-01-01', '1955-07-30'];

describe('coResidentCell', () => {
  test('should be null when the addresses differ', () => {
    expect(coResidentCell(compare(same, sameDate, home))).not.toBeNull();
    const c = compareProfiles(profile(0, home), profile(1, { ...home, street: 'bahnhofstrasse 9' }), thresholds);
    expect(coResidentCell(c)).toBeNull();
  });
  test('should be null when the last names differ', () => {
    const c = compareProfiles(profile(0, home), profile(1, { ...home, lastName: 'schmidt' }), thresholds);
    expect(coResidentCell(c)).toBeNull();
  });
  test('should read agreement, disagreement and missing values', () => {
    expect(coResidentCell(compare(differ, [null, '1980-01-01']))).toStrictEqual({ first: 'differ', birthDate: 'missing' });
    expect(coResidentCell(compare(same, otherDate))).toStrictEqual({ first: 'agree', birthDate: 'differ' });
  });
});

describe('CoResidentTally', () => {
  test('should take every disagreement as a household when nothing was counted', () => {
    const model = new CoResidentTally().estimate();
    expect(model.sameProbability('differ', 'differ')).toBe(0);
    expect(model.sameProbability('missing', 'missing')).toBe(0);
  });
  test('should leave cells with an agreement alone', () => {
    expect(new CoResidentTally().estimate().sameProbability('agree', 'differ')).toBe(1);
  });
  test('should find households where first name and birth date disagree together', () => {
    const tally = new CoResidentTally();
    add(tally, 500, same, sameDate);
    add(tally, 5, differ, sameDate);
    add(tally, 5, same, otherDate);
    add(tally, 300, differ, otherDate);
    const model = tally.estimate();
    expect(model.sameProbability('differ', 'differ')).toBeLessThan(0.01);
    expect(model.sameProbability('missing', 'missing')).toBeLessThan(0.7);
    expect(model.counts['differ/differ']).toBe(300);
  });
  test('should find keying errors where the disagreements come as often as independent errors would', () => {
    const tally = new CoResidentTally();
    add(tally, 3000, same, sameDate);
    add(tally, 600, differ, sameDate);
    add(tally, 200, same, otherDate);
    add(tally, 40, differ, otherDate);
    const model = tally.estimate();
    expect(model.sameProbability('differ', 'differ')).toBeGreaterThan(0.9);
    expect(model.sameProbability('missing', 'missing')).toBeGreaterThan(0.99);
  });
});
