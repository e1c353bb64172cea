import { describe, expect, test } from 'vitest';
import { compareProfiles } from '../../src/matchers/comparison.js';
import { adjustmentBits, frequencyBits, matchBits, probabilityOf } from '../../src/matchers/match-weight.js';
import { buildWeightModel, frequencies } from '../../src/matchers/weight-model.js';
import { profile } from '../helpers/match-records.js';

const thresholds = { name: 0.88, text: 0.8 };

describe('probabilityOf', () => {
  test.each([
    [0, 0.5],
    [10, 1024 / 1025],
    [-10, 1 / 1025],
  ] as const)('should turn %s bits into %s', (bits, probability) => expect(probabilityOf(bits)).toBeCloseTo(probability, 12));
  test('should stay in (0, 1]', () => {
    expect(probabilityOf(2000)).toBe(1);
    expect(probabilityOf(-50)).toBeGreaterThan(0);
  });
});

describe('frequencyBits', () => {
  const people = [...Array(8).fill('anna'), 'zoe', 'ida'].map((first, index) => profile(index, { firstName: first }));
  const table = frequencies(people, (p) => p.first);
  test('should give 0 for an unknown value', () => expect(frequencyBits(table, 'otto')).toBe(0));
  test('should weaken a common value and strengthen a rare one', () => {
    expect(frequencyBits(table, 'anna')).toBeLessThan(0);
    expect(frequencyBits(table, 'zoe')).toBeGreaterThan(0);
  });
});

describe('adjustmentBits', () => {
  // 'lachlan' is a common first name and a rare surname; 'nguyen' a common surname and a rare first name.
  const people = [
    ...Array.from({ length: 30 }, (_, i) => profile(i, { firstName: 'lachlan', lastName: `last${i}` })),
    ...Array.from({ length: 30 }, (_, i) => profile(30 + i, { firstName: `first${i}`, lastName: 'nguyen' })),
    profile(60, { firstName: 'nguyen', lastName: 'lachlan' }),
  ];
  const tables = {
    first: frequencies(people, (p) => p.first),
    last: frequencies(people, (p) => p.last),
    birthDate: frequencies(people, (p) => p.birthDate),
    street: frequencies(people, (p) => p.streetName),
    postalCode: frequencies(people, (p) => p.postalCode),
    city: frequencies(people, (p) => p.city),
    nationalId: frequencies(people, (p) => p.nationalId),
  };
  const straight = profile(0, { firstName: 'lachlan', lastName: 'nguyen' });
  const crosswise = profile(1, { firstName: 'nguyen', lastName: 'lachlan' });
  test('should weigh names agreeing crosswise by the mean of both columns\' adjustments', () => {
    const c = compareProfiles(straight, crosswise, thresholds);
    expect(c).toMatchObject({ first: 'exact', last: 'exact', swapped: true });
    const mean = (value: string) => (frequencyBits(tables.first, value) + frequencyBits(tables.last, value)) / 2;
    expect(adjustmentBits(straight, crosswise, c, tables)).toBeCloseTo(mean('lachlan') + mean('nguyen'), 12);
  });
  test('should not make common names keyed crosswise look as rare as the rarer column says', () => {
    const c = compareProfiles(straight, crosswise, thresholds);
    const rarest = frequencyBits(tables.last, 'lachlan') + frequencyBits(tables.first, 'nguyen');
    expect(adjustmentBits(straight, crosswise, c, tables)).toBeLessThan(rarest - 2);
  });
  test('should adjust an exact national ID by its frequency', () => {
    const shared = [...Array.from({ length: 9 }, (_, i) => profile(i, { nationalId: '1111111' })), ...Array.from({ length: 9 }, (_, i) => profile(9 + i, { nationalId: String(2000000 + i) }))];
    const table = { ...tables, nationalId: frequencies(shared, (p) => p.nationalId) };
    const bits = (id: string) => adjustmentBits(profile(0, { nationalId: id }), profile(1, { nationalId: id }), compareProfiles(profile(0, { nationalId: id }), profile(1, { nationalId: id }), thresholds), table);
    expect(bits('1111111')).toBeLessThan(0);
    expect(bits('2000003')).toBeGreaterThan(0);
  });
});

describe('matchBits', () => {
  const population = Array.from({ length: 200 }, (_, index) =>
    profile(index, { firstName: `first${index % 40}`, lastName: `last${index % 50}`, birthDate: `19${String(50 + (index % 40))}-0${1 + (index % 9)}-1${index % 10}` }),
  );
  const model = buildWeightModel(population, { thresholds, duplicatesPerRecord: 1, sampleSize: 5000, swapBits: -2 });
  const bits = (a: ReturnType<typeof profile>, b: ReturnType<typeof profile>) => matchBits(a, b, compareProfiles(a, b, thresholds), model);
  test('should be the prior for two profiles with nothing in common to compare', () => {
    expect(bits(profile(0), profile(1))).toBe(model.priorBits);
  });
  test('should rise with every agreeing field and fall with a disagreeing one', () => {
    const anna = profile(0, { firstName: 'first1', lastName: 'last1', birthDate: '1951-02-11' });
    const namesOnly = bits(anna, profile(1, { firstName: 'first1', lastName: 'last1' }));
    const withDate = bits(anna, profile(1, { firstName: 'first1', lastName: 'last1', birthDate: '1951-02-11' }));
    const otherDate = bits(anna, profile(1, { firstName: 'first1', lastName: 'last1', birthDate: '1980-12-30' }));
    expect(withDate).toBeGreaterThan(namesOnly);
    expect(otherDate).toBeLessThan(namesOnly);
  });
  test('should cost the swap bits when names agree only crosswise', () => {
    const straight = bits(profile(0, { firstName: 'first1', lastName: 'last1' }), profile(1, { firstName: 'first1', lastName: 'last1' }));
    const swapped = bits(profile(0, { firstName: 'first1', lastName: 'last1' }), profile(1, { firstName: 'last1', lastName: 'first1' }));
    expect(swapped).toBeLessThan(straight);
  });
});
