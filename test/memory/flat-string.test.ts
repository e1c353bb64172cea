import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { flatConcat, flatCopy, StringPool } from '../../src/memory/flat-string.js';

// Any UTF-16 code unit, lone surrogates included: keys and details may hold whatever the input held.
const anyText = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) });

describe('flatConcat', () => {
  propTest.prop([fc.array(anyText, { maxLength: 5 })])('should give the parts one after another, unchanged', (parts) => {
    const joined = flatConcat(...parts);
    expect(joined.length).toBe(parts.reduce((sum, part) => sum + part.length, 0));
    let at = 0;
    for (const part of parts) {
      expect(joined.slice(at, at + part.length)).toBe(part);
      at += part.length;
    }
  });
});

describe('flatCopy', () => {
  propTest.prop([anyText, anyText])('should copy any text exactly, lone surrogates too', (a, b) => {
    const rope = `${a}${b}`;
    expect(flatCopy(rope)).toBe(a + b);
  });
});

describe('StringPool', () => {
  propTest.prop([fc.array(fc.constantFrom('crm', 'online', 'shop', 'web', '\ud800', ''), { maxLength: 40 })])(
    'should give back every text as it was, and hold each distinct text once',
    (texts) => {
      const pool = new StringPool();
      for (const text of texts) expect(pool.of(text)).toBe(text);
      expect(pool.size).toBe(new Set(texts).size);
    },
  );

  test('should give the same text for a rope and a flat string of the same characters', () => {
    const pool = new StringPool();
    const rope = `crm only needs ${'crm'} permission; latest cookie ${'not given'}`;
    expect(pool.of(rope)).toBe('crm only needs crm permission; latest cookie not given');
    expect(pool.of('crm only needs crm permission; latest cookie not given')).toBe(rope);
    expect(pool.size).toBe(1);
  });
});
