import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { chooseShardCount, fnv1a32, shardOf } from '../../src/query/shard-hash.js';

describe('fnv1a32', () => {
  describe('should match the published FNV-1a 32-bit values', () => {
    test.each([
      ['', 0x811c9dc5],
      ['a', 0xe40c292c],
      ['foobar', 0xbf9cf968],
    ])('for %j', (key, hash) => {
      expect(fnv1a32(key)).toBe(hash);
    });
  });
});

describe('shardOf', () => {
  describe('should place every key in range', () => {
    test('for a single shard', () => {
      expect(shardOf('email:anna@example.org', 1)).toBe(0);
    });
    propTest.prop([fc.string(), fc.integer({ min: 0, max: 16 })])('for any key and power of two', (key, power) => {
      const shard = shardOf(key, 2 ** power);
      expect(shard).toBeGreaterThanOrEqual(0);
      expect(shard).toBeLessThan(2 ** power);
    });
  });

  describe('should spread keys', () => {
    test('for 10,000 similar keys over 16 shards (each shard within 30% of the mean)', () => {
      const counts = new Array<number>(16).fill(0);
      for (let index = 0; index < 10_000; index++) counts[shardOf(`record:shop/shop-${String(index).padStart(6, '0')}`, 16)]!++;
      for (const count of counts) expect(Math.abs(count - 625)).toBeLessThan(625 * 0.3);
    });
  });
});

describe('chooseShardCount', () => {
  describe('should give the smallest power of two reaching the target', () => {
    test.each([
      [0, 1024, 1],
      [1, 1024, 1],
      [1024, 1024, 1],
      [1025, 1024, 2],
      [1_000_000, 1024, 1024],
      [Number.MAX_SAFE_INTEGER, 1, 65_536],
    ])('for %d items at %d per shard', (items, perShard, shards) => {
      expect(chooseShardCount(items, perShard)).toBe(shards);
    });
  });
});
