import { describe, expect, test } from 'vitest';
import { keysOf, type KeysOfProfile } from '../../src/matchers/blocking-key.js';
import { profile } from '../helpers/match-records.js';

/** A rule that hands the sink the given calls, whatever the profile. */
const calls =
  (...keys: (string | null | undefined)[][]): KeysOfProfile =>
  (_profile, key) => {
    for (const parts of keys) key(...parts);
  };

describe('keysOf', () => {
  const anyone = profile(0, {});
  test('should give no key when a part is missing or empty', () => {
    expect(keysOf(calls(['1985-03-07', null]), anyone)).toStrictEqual([]);
    expect(keysOf(calls([undefined, 'm460']), anyone)).toStrictEqual([]);
    expect(keysOf(calls(['', 'm460']), anyone)).toStrictEqual([]);
  });
  test('should join the parts with |', () => expect(keysOf(calls(['1985-03-07', 'm460']), anyone)).toStrictEqual(['1985-03-07|m460']));
  test('should give each key once, in order', () => {
    expect(keysOf(calls(['a'], ['b', null], ['b'], ['a'], ['c']), anyone)).toStrictEqual(['a', 'b', 'c']);
  });
});
