import { describe, expect, test } from 'vitest';
import { clusterSizeBins } from '../../../src/pictures/charts/cluster-size-bins.js';

describe('clusterSizeBins', () => {
  describe('should return no bins', () => {
    test.each([[{}], [{ '3': 0 }], [{ x: 4, '0': 2, '-1': 1 }]])('for %j', (sizes) => {
      expect(clusterSizeBins(sizes)).toStrictEqual([]);
    });
  });

  describe('should give every size its own column up to 30, gaps included', () => {
    test('for sizes 1, 2 and 4', () => {
      expect(clusterSizeBins({ '1': 100, '2': 10, '4': 1 })).toStrictEqual([
        { label: '1', from: 1, to: 1, customers: 100 },
        { label: '2', from: 2, to: 2, customers: 10 },
        { label: '3', from: 3, to: 3, customers: 0 },
        { label: '4', from: 4, to: 4, customers: 1 },
      ]);
    });

    test('for a largest size of exactly 30', () => {
      expect(clusterSizeBins({ '1': 5, '30': 1 })).toHaveLength(30);
    });
  });

  describe('should switch to power-of-two bins above 30', () => {
    test('for a largest customer of 40 records', () => {
      expect(clusterSizeBins({ '1': 900, '2': 50, '3': 7, '4': 3, '12': 2, '40': 1 })).toStrictEqual([
        { label: '1', from: 1, to: 1, customers: 900 },
        { label: '2', from: 2, to: 2, customers: 50 },
        { label: '3–4', from: 3, to: 4, customers: 10 },
        { label: '5–8', from: 5, to: 8, customers: 0 },
        { label: '9–16', from: 9, to: 16, customers: 2 },
        { label: '17–32', from: 17, to: 32, customers: 0 },
        { label: '33–64', from: 33, to: 64, customers: 1 },
      ]);
    });

    test('for a 1,000-record customer: 11 columns, every customer counted once', () => {
      const sizes = { '1': 500_000, '7': 300, '1000': 1 };
      const bins = clusterSizeBins(sizes);
      expect(bins.map((bin) => bin.label).at(-1)).toBe('513–1024');
      expect(bins).toHaveLength(11);
      expect(bins.reduce((sum, bin) => sum + bin.customers, 0)).toBe(500_301);
    });
  });
});
