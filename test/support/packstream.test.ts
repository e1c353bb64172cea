// The PackStream v1 codec of the Bolt test server: sizes at every marker boundary round-trip.

import { describe, expect, test } from 'vitest';
import { pack, PackStruct, unpack } from './packstream.js';

const hex = (value: unknown): string => pack(value).toString('hex');

describe('packstream', () => {
  describe('should reject what it cannot read or write', () => {
    test.each([
      ['an unknown marker', 'c4'],
      ['a truncated string', '85616263'],
      ['bytes left over', 'c0c0'],
      ['a map with a non-string key', 'a10102'],
    ])('for %s', (_name, bytes) => {
      expect(() => unpack(Buffer.from(bytes, 'hex'))).toThrow(RangeError);
    });

    test('for an integer past 64 bits or a function', () => {
      expect(() => pack(2n ** 63n)).toThrow(TypeError);
      expect(() => pack(() => 1)).toThrow(TypeError);
    });
  });

  describe('should use the smallest marker', () => {
    test.each([
      [null, 'c0'],
      [true, 'c3'],
      [false, 'c2'],
      [0, '00'],
      [-16, 'f0'],
      [127, '7f'],
      [-17, 'c8ef'],
      [128, 'c90080'],
      [-32_769, 'caffff7fff'],
      [2 ** 31, 'cb0000000080000000'],
      [1.5, 'c13ff8000000000000'],
      ['', '80'],
      ['a', '8161'],
      [[], '90'],
      [{}, 'a0'],
      [new PackStruct(0x70, [{}]), 'b170a0'],
    ])('for %j', (value, bytes) => {
      expect(hex(value)).toBe(bytes);
    });
  });

  describe('should round-trip', () => {
    test.each([
      ['boundary integers', [-16, -17, -128, -129, 127, 128, 32_767, 32_768, -(2 ** 31), 2 ** 31, Number.MAX_SAFE_INTEGER]],
      ['integers past 2^53 as bigint', [2n ** 53n + 1n, -(2n ** 63n), 2n ** 63n - 1n]],
      ['floats', [0.1, -2.5e300, Number.POSITIVE_INFINITY]],
      ['strings at size boundaries', ['x'.repeat(15), 'x'.repeat(16), 'x'.repeat(256), 'é'.repeat(40_000), 'identifiant·☃']],
      ['lists at size boundaries', [Array.from({ length: 15 }, (_, i) => i), Array.from({ length: 16 }, (_, i) => i), Array(70_000).fill(null)]],
      ['nested maps', { a: { b: [1, 'two', { c: null }] }, __proto__key: true }],
      ['a struct', new PackStruct(0x10, ['RETURN $x', { x: [1, 2] }, {}])],
      ['bytes', Uint8Array.of(0, 1, 255)],
    ])('for %s', (_name, value) => {
      expect(unpack(pack(value))).toStrictEqual(value);
    });

    test('for a "__proto__" key, kept as a plain key', () => {
      const decoded = unpack(Buffer.from('a189' + Buffer.from('__proto__').toString('hex') + '01', 'hex'));
      expect(Object.keys(decoded as object)).toStrictEqual(['__proto__']);
      expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    });
  });
});
