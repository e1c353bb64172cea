import { describe, expect, test } from 'vitest';
import { distinctKeys, keyOf } from '../../src/matchers/blocking-key.js';

describe('keyOf', () => {
  test('should give no key when a part is missing', () => {
    expect(keyOf('1985-03-07', null)).toStrictEqual([]);
    expect(keyOf(undefined, 'm460')).toStrictEqual([]);
    expect(keyOf('', 'm460')).toStrictEqual([]);
  });
  test('should join the parts', () => expect(keyOf('1985-03-07', 'm460')).toStrictEqual(['1985-03-07|m460']));
});

describe('distinctKeys', () => {
  test('should flatten and drop repeats, in order', () => {
    expect(distinctKeys([['a'], [], ['b', 'a'], ['c']])).toStrictEqual(['a', 'b', 'c']);
  });
});
