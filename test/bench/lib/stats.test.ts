import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { formatRatio, formatScore, formatSeconds, median } from '../../../bench/lib/stats.js';

describe('median', () => {
  describe('should reject samples without a median', () => {
    test('for an empty sample', () => {
      expect(() => median([])).toThrow(RangeError);
    });

    test('for a non-finite value', () => {
      expect(() => median([1, Number.NaN])).toThrow(RangeError);
      expect(() => median([Number.POSITIVE_INFINITY])).toThrow(RangeError);
    });
  });

  describe('should return the middle value', () => {
    test.each([
      { values: [4], expected: 4 },
      { values: [3, 1, 2], expected: 2 },
      { values: [5, 1, 4, 2], expected: 3 },
      { values: [2, 2, 2, 9], expected: 2 },
      { values: [-1, -3, 10], expected: -1 },
      { values: [0.3, 0.1], expected: 0.2 },
    ])('for $values', ({ values, expected }) => {
      expect(median(values)).toBeCloseTo(expected, 12);
    });

    test('for an input it must not reorder', () => {
      const values = [3, 1, 2];
      median(values);
      expect(values).toStrictEqual([3, 1, 2]);
    });
  });

  test.prop([fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 })])(
    'should lie between the minimum and maximum, whatever the order',
    (values) => {
      const m = median(values);
      expect(m).toBeGreaterThanOrEqual(Math.min(...values));
      expect(m).toBeLessThanOrEqual(Math.max(...values));
      expect(median([...values].reverse())).toBe(m);
    },
  );
});

describe('formatRatio', () => {
  test.each([
    { value: 3, baseline: 1, expected: '3.00×' },
    { value: 1, baseline: 4, expected: '0.25×' },
    { value: 1, baseline: 0, expected: 'n/a' },
    { value: 1, baseline: Number.NaN, expected: 'n/a' },
  ])('should render $value against $baseline as $expected', ({ value, baseline, expected }) => {
    expect(formatRatio(value, baseline)).toBe(expected);
  });
});

describe('formatScore and formatSeconds', () => {
  test('should round to 4 and 2 decimals', () => {
    expect(formatScore(0.98765)).toBe('0.9877');
    expect(formatScore(1)).toBe('1.0000');
    expect(formatSeconds(1.234)).toBe('1.23');
  });
});
