import { describe, expect, test } from 'vitest';
import { coordinate, formatCount, formatDuration, formatWeight, truncate } from '../../src/pictures/format.js';

describe('format', () => {
  describe('should group thousands the same on every machine', () => {
    test.each([
      [0, '0'],
      [999, '999'],
      [1_234_567, '1,234,567'],
    ])('for %d', (value, expected) => {
      expect(formatCount(value)).toBe(expected);
    });
  });

  describe('should show durations in ms below a second and in s above', () => {
    test.each([
      [0, '0 ms'],
      [999.4, '999 ms'],
      [1000, '1.00 s'],
      [83_456, '83.46 s'],
    ])('for %d ms', (ms, expected) => {
      expect(formatDuration(ms)).toBe(expected);
    });
  });

  describe('should show weights as 1 or with two decimals', () => {
    test.each([
      [1, '1'],
      [0.8, '0.80'],
      [0.876, '0.88'],
    ])('for %d', (weight, expected) => {
      expect(formatWeight(weight)).toBe(expected);
    });
  });

  describe('should truncate with an ellipsis only when too long', () => {
    test.each([
      ['', 5, ''],
      ['abcde', 5, 'abcde'],
      ['abcdef', 5, 'abcd…'],
      ['abcdef', 1, 'a…'],
    ])('for %j at %d', (text, max, expected) => {
      expect(truncate(text, max)).toBe(expected);
    });
  });

  describe('should round coordinates to one decimal without negative zero', () => {
    test.each([
      [0, '0'],
      [-0.01, '0'],
      [12.345, '12.3'],
      [-7.06, '-7.1'],
    ])('for %d', (value, expected) => {
      expect(coordinate(value)).toBe(expected);
    });
  });
});
