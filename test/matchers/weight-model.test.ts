import { describe, expect, test } from 'vitest';
import { FIELD_LEVELS, FIELDS } from '../../src/matchers/match-weight.js';
import { buildWeightModel, frequencies, levelBits, sampleU } from '../../src/matchers/weight-model.js';
import { profile } from '../helpers/match-records.js';

const thresholds = { name: 0.88, text: 0.8 };
const people = Array.from({ length: 60 }, (_, index) => profile(index, { firstName: `name${index % 12}`, birthDate: `1970-01-${String(1 + (index % 28)).padStart(2, '0')}` }));

describe('frequencies', () => {
  test('should count values and the chance of a random agreement', () => {
    const table = frequencies([profile(0, { city: 'a' }), profile(1, { city: 'a' }), profile(2, { city: 'b' }), profile(3)], (p) => p.city);
    expect(table).toStrictEqual({ counts: new Map([['a', 2], ['b', 1]]), present: 3, agreement: (2 / 3) ** 2 + (1 / 3) ** 2 });
  });
});

describe('sampleU', () => {
  test('should give smoothed shares that sum to 1 per field', () => {
    const u = sampleU(people, thresholds, 500);
    for (const field of FIELDS) {
      const total = FIELD_LEVELS[field].reduce((sum, level) => sum + (u[field] as Record<string, number>)[level]!, 0);
      expect(total).toBeCloseTo(1, 10);
    }
  });
  test('should walk every pair when there are fewer pairs than the sample size, and give the same result every time', () => {
    const u = sampleU(people.slice(0, 10), thresholds, 10_000);
    expect(u).toStrictEqual(sampleU(people.slice(0, 10), thresholds, 10_000));
    // 10 names over 10 records: no two agree, so exact first names get only the smoothing.
    expect(u.first.exact).toBeCloseTo(0.5 / (45 + 2), 10);
  });
  test('should give uniform u for a field no pair has', () => {
    expect(sampleU(people, thresholds, 100).phone).toStrictEqual({ exact: 1 / 3, similar: 1 / 3, different: 1 / 3 });
  });
});

describe('levelBits', () => {
  test('should never give a weaker level more bits than a stronger one', () => {
    const model = buildWeightModel(people, { thresholds, duplicatesPerRecord: 1, sampleSize: 1000, swapBits: -2 });
    const bits = levelBits(model.m, { ...model.u, first: { exact: 0.5, similar: 0.01, weak: 0.000001, different: 0.4 } });
    expect(bits.first.weak).toBeLessThanOrEqual(bits.first.similar);
    expect(bits.first.similar).toBeLessThanOrEqual(bits.first.exact);
  });
});

describe('buildWeightModel', () => {
  test('should set the prior from the expected duplicates per record', () => {
    const model = buildWeightModel(people, { thresholds, duplicatesPerRecord: 2, sampleSize: 100, swapBits: -2 });
    expect(model.priorBits).toBeCloseTo(Math.log2(2 / 59), 12);
  });
});
