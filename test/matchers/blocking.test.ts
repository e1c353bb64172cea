import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import type { KeySink } from '../../src/matchers/blocking-key.js';
import { blockingKeys, forEachCandidatePair, type KeyRule } from '../../src/matchers/blocking.js';
import type { MatchProfile } from '../../src/matchers/profile.js';
import { profile } from '../helpers/match-records.js';

/** Profiles whose first name holds the test's blocking keys, comma-separated per rule and space-separated within. */
function profilesWithKeys(keysPerRecord: readonly (readonly (readonly string[])[])[]): MatchProfile[] {
  return keysPerRecord.map((rules, index) => profile(index, { firstName: rules.map((keys) => keys.join(' ')).join(',') }));
}

function rulesFor(count: number): KeyRule[] {
  return Array.from({ length: count }, (_, rule) => ({
    id: `rule-${rule}`,
    keys: (p: MatchProfile, key: KeySink) => {
      for (const part of (p.first?.split(',')[rule] ?? '').split(' ')) key(part);
    },
  }));
}

function collect(profiles: readonly MatchProfile[], rules: readonly KeyRule[], maxBlockSize = 100) {
  const pairs: [number, number, number][] = [];
  const stats = forEachCandidatePair(profiles, rules, maxBlockSize, (x, y, rule) => pairs.push([x, y, rule]));
  return { pairs, stats };
}

describe('forEachCandidatePair', () => {
  describe('should visit nothing', () => {
    test('for no records', () => {
      expect(collect([], rulesFor(1)).stats).toStrictEqual({
        candidatePairs: 0,
        blocks: 0,
        oversizedBlocks: 0,
        oversizedMemberships: 0,
        pairsByRule: { 'rule-0': 0 },
      });
    });
    test('for a single record', () => expect(collect(profilesWithKeys([[['a']]]), rulesFor(1)).pairs).toStrictEqual([]));
    test('for records without keys', () => expect(collect(profilesWithKeys([[[]], [[]]]), rulesFor(1)).pairs).toStrictEqual([]));
  });
  test('should visit the records sharing a key, lower position first', () => {
    const profiles = profilesWithKeys([[['a']], [['b']], [['a']], [['b']]]);
    expect(collect(profiles, rulesFor(1)).pairs.sort()).toStrictEqual([
      [0, 2, 0],
      [1, 3, 0],
    ]);
  });
  test('should visit a pair sharing keys of several rules once, under the first rule', () => {
    const profiles = profilesWithKeys([
      [['a'], ['x']],
      [['a'], ['x']],
    ]);
    const { pairs, stats } = collect(profiles, rulesFor(2));
    expect(pairs).toStrictEqual([[0, 1, 0]]);
    expect(stats.pairsByRule).toStrictEqual({ 'rule-0': 1, 'rule-1': 0 });
  });
  test('should visit a pair sharing two keys of one rule once', () => {
    expect(collect(profilesWithKeys([[['a', 'b']], [['b', 'a']]]), rulesFor(1)).pairs).toStrictEqual([[0, 1, 0]]);
  });
  test('should skip and count a block above the size limit, and still find its pairs under another rule', () => {
    const profiles = profilesWithKeys([
      [['big'], ['p']],
      [['big'], ['p']],
      [['big'], ['q']],
    ]);
    const { pairs, stats } = collect(profiles, rulesFor(2), 2);
    expect(pairs).toStrictEqual([[0, 1, 1]]);
    expect(stats).toMatchObject({ candidatePairs: 1, oversizedBlocks: 1, oversizedMemberships: 3 });
  });
  test('should put a record whose key has a missing part in no block', () => {
    const rule: KeyRule = { id: 'date+initial', keys: (p, key) => key(p.birthDate, p.first?.[0]) };
    const profiles = [profile(0, { birthDate: '1985-03-07', firstName: 'jonas' }), profile(1, { birthDate: '1985-03-07' }), profile(2, { birthDate: '1985-03-07', firstName: 'jan' })];
    expect(collect(profiles, [rule]).pairs).toStrictEqual([[0, 2, 0]]);
  });
  test('should visit the same pairs from keys computed beforehand (as the worker of the fuzzy stage computes them)', () => {
    const profiles = profilesWithKeys([[['a'], ['x']], [['b'], ['x']], [['a'], ['y']]]);
    const rules = rulesFor(2);
    const pairs: number[][] = [];
    forEachCandidatePair(profiles, rules, 100, (x, y, rule) => pairs.push([x, y, rule]), blockingKeys(profiles, rules));
    expect(pairs).toStrictEqual([[0, 2, 0], [0, 1, 1]]);
  });
  test('should block by the keys it is given, not compute its own', () => {
    const profiles = profilesWithKeys([[['a']], [['b']], [['a']]]);
    const others = profilesWithKeys([[['c']], [['c']], [['d']]]);
    const pairs: number[][] = [];
    forEachCandidatePair(profiles, rulesFor(1), 100, (x, y, rule) => pairs.push([x, y, rule]), blockingKeys(others, rulesFor(1)));
    expect(pairs).toStrictEqual([[0, 1, 0]]);
  });
  test('should refuse keys computed for other records or rules', () => {
    const profiles = profilesWithKeys([[['a']], [['a']]]);
    expect(() => forEachCandidatePair(profiles, rulesFor(1), 100, () => undefined, blockingKeys(profiles.slice(1), rulesFor(1)))).toThrow('blocking keys for 1 records and 1 rules, not 2 and 1');
    expect(() => forEachCandidatePair(profiles, rulesFor(1), 100, () => undefined, blockingKeys(profiles, rulesFor(2)))).toThrow('blocking keys for 2 records and 2 rules, not 2 and 1');
  });
  propTest.prop([
    fc.array(fc.tuple(fc.subarray(['a', 'b', 'c', 'd']), fc.subarray(['w', 'x', 'y']), fc.subarray(['p', 'q'])), { maxLength: 25 }),
    fc.integer({ min: 2, max: 6 }),
  ])('should visit exactly the pairs sharing a key of a block within the limit, each once, under the first such rule (oracle: all pairs)', (records, maxBlockSize) => {
    const profiles = profilesWithKeys(records.map((keys) => [...keys]));
    const rules = rulesFor(3);
    const { pairs, stats } = collect(profiles, rules, maxBlockSize);
    const blockSize = (rule: number, key: string) => records.filter((keys) => keys[rule]!.includes(key)).length;
    const expected: string[] = [];
    for (let x = 0; x < records.length; x++) {
      for (let y = x + 1; y < records.length; y++) {
        const rule = [0, 1, 2].find((rule) => records[x]![rule]!.some((key) => records[y]![rule]!.includes(key) && blockSize(rule, key) <= maxBlockSize));
        if (rule !== undefined) expected.push(`${x}-${y}@${rule}`);
      }
    }
    expect(pairs.map(([x, y, rule]) => `${x}-${y}@${rule}`).sort()).toStrictEqual(expected.sort());
    expect(stats.candidatePairs).toBe(expected.length);
  });
});
