import { describe, expect, test } from 'vitest';
import { keysOf } from '../../../src/matchers/blocking-key.js';
import { nationalId } from '../../../src/matchers/fuzzy/national-id.js';
import type { ScoreContext } from '../../../src/matchers/fuzzy/matcher.js';
import { buildWeightModel } from '../../../src/matchers/weight-model.js';
import { profile } from '../../helpers/match-records.js';
import { POPULATION } from './context.js';

const thresholds = { name: 0.88, text: 0.8 };
/** The shared population, each person with a distinct seven-digit national ID. */
const population = POPULATION.map((p, i) => ({ ...p, nationalId: String(4_000_000 + i * 7919) }));
const context: ScoreContext = {
  thresholds,
  model: buildWeightModel(population, { thresholds, duplicatesPerRecord: 4, sampleSize: 20_000, swapBits: -2 }),
  threshold: 0.8,
};

const lily = {
  firstName: 'lily',
  lastName: 'green',
  birthDate: '1966-05-30',
  street: 'hawker place 105',
  postalCode: '3016',
  city: 'currambine',
  nationalId: '5752105',
};

describe('nationalId', () => {
  describe('should give no link', () => {
    test('for different national IDs behind the same name', () => {
      expect(nationalId.score(profile(0, lily), profile(1, { ...lily, nationalId: '5752999' }), context)).toBeNull();
    });
    test('for the same national ID when nothing else agrees (the weight decides)', () => {
      const other = { firstName: 'brandon', lastName: 'tallaxdira', birthDate: '1990-01-02', street: 'chippendale village 123', postalCode: '4111', city: 'richlands', nationalId: lily.nationalId };
      expect(nationalId.score(profile(0, lily), profile(1, other), context)).toBeNull();
    });
  });
  test('should link the same national ID behind a replaced surname and a missing birth date', () => {
    const score = nationalId.score(profile(0, lily), profile(1, { ...lily, lastName: 'tallaxdira', birthDate: null }), context);
    expect(score?.evidence).toBe(
      'same national ID: same first name, different last name, same street, same house number, same postal code, same national ID',
    );
  });
  test('should link two swapped digits in the national ID behind the same name and birth date', () => {
    const score = nationalId.score(profile(0, lily), profile(1, { ...lily, street: null, postalCode: null, city: null, nationalId: '5751205' }), context);
    expect(score?.evidence).toBe('national ID a typo apart: same first name, same last name, same birth date, national ID a typo apart');
  });
  test('should block on the ID, and on its one-character deletions when it is long, nothing for a record without one', () => {
    expect(nationalId.blocking.map((rule) => keysOf(rule.keys, profile(0, lily)))).toStrictEqual([['5752105']]);
    expect(nationalId.blocking.map((rule) => keysOf(rule.keys, profile(0, { nationalId: '123456789' })).length)).toStrictEqual([10]);
    expect(nationalId.blocking.map((rule) => keysOf(rule.keys, profile(0, { firstName: 'lily' })))).toStrictEqual([[]]);
  });
});
