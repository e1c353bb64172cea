// Candidate pairs from blocking keys: records sharing a key are compared, never all pairs.
//
// Keys are hashed to integers and sorted, one rule at a time, so that 1M records need a few
// typed arrays instead of millions of Map entries. Blocks above `maxBlockSize` records are
// skipped and counted (a key shared by thousands of records says little and would cost
// quadratic time). A pair that shares several keys is compared once: in its first block.
import type { MatchProfile } from './profile.js';

/** A blocking rule as the blocker sees it: keys of a profile. */
export interface KeyRule {
  readonly id: string;
  readonly keys: (profile: MatchProfile) => readonly string[];
  /**
   * A tighter block-size limit for a broad rule (one name, one postal code): its big blocks hold
   * namesakes and neighbours, costly to compare and rarely linked. The smaller of this and the
   * run's limit applies.
   */
  readonly maxBlockSize?: number;
}

/** Counts of one blocking run. */
export interface BlockingStats {
  /** Distinct record pairs handed to the visitor. */
  readonly candidatePairs: number;
  /** Blocks (shared keys) of two or more records that were compared. */
  readonly blocks: number;
  /** Blocks skipped because they held more than `maxBlockSize` records. */
  readonly oversizedBlocks: number;
  /** Record memberships in skipped blocks (a record counts once per skipped block). */
  readonly oversizedMemberships: number;
  /** Candidate pairs per rule id (a pair counts under the first rule that produced it). */
  readonly pairsByRule: Readonly<Record<string, number>>;
}

/** Per rule, every record's key hashes in CSR layout: keys of record i are hashes[offsets[i]..offsets[i+1]). */
interface RuleKeys {
  readonly offsets: Int32Array;
  readonly hashes: Int32Array;
  readonly oversized: Set<number>;
}

/** FNV-1a over the rule number and the key's UTF-16 code units, as a non-negative 31-bit integer. */
function hashKey(rule: number, key: string): number {
  let hash = (0x811c9dc5 ^ rule) >>> 0;
  hash = Math.imul(hash, 0x01000193);
  for (let index = 0; index < key.length; index++) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 1) & 0x3fffffff;
}

function collectKeys(profiles: readonly MatchProfile[], rule: KeyRule, ruleIndex: number, hashBits: number): RuleKeys {
  const n = profiles.length;
  const offsets = new Int32Array(n + 1);
  const hashes: number[] = [];
  const mask = 2 ** hashBits - 1;
  for (let i = 0; i < n; i++) {
    const start = offsets[i]!;
    for (const key of rule.keys(profiles[i]!)) {
      const hash = hashKey(ruleIndex, key) & mask;
      let known = false;
      for (let p = start; p < hashes.length && !known; p++) known = hashes[p] === hash;
      if (!known) hashes.push(hash);
    }
    offsets[i + 1] = hashes.length;
  }
  return { offsets, hashes: Int32Array.from(hashes), oversized: new Set() };
}

/** True when records x and y share a key of `rule` that was compared (not oversized) and is below `below`. */
function shareComparedKey(keys: RuleKeys, x: number, y: number, below: number): boolean {
  const { offsets, hashes, oversized } = keys;
  // NOTE: this runs for every pair of every block against every earlier rule; the oversized set
  // is consulted only for a shared key (rare), not for every key of x.
  for (let p = offsets[x]!; p < offsets[x + 1]!; p++) {
    const hash = hashes[p]!;
    if (hash >= below) continue;
    for (let q = offsets[y]!; q < offsets[y + 1]!; q++) {
      if (hashes[q] === hash && !oversized.has(hash)) return true;
    }
  }
  return false;
}

/**
 * Calls `visit` once for every candidate pair: two records sharing a key of some rule, in a
 * block of at most `maxBlockSize` records (or the rule's own, smaller limit). Rules are taken in order; within a rule, blocks in
 * hash order; a pair already seen under an earlier rule or block is not visited again.
 *
 * @param profiles - the records to block (indices into this array are what `visit` receives)
 * @param rules - the blocking rules, in order
 * @param maxBlockSize - blocks with more records are skipped and counted
 * @param visit - called with (x, y, rule index), x < y
 * @returns the counts of the run
 */
export function forEachCandidatePair(
  profiles: readonly MatchProfile[],
  rules: readonly KeyRule[],
  maxBlockSize: number,
  visit: (x: number, y: number, rule: number) => void,
): BlockingStats {
  const n = profiles.length;
  const indexBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  const hashBits = Math.min(30, 53 - indexBits);
  const indexScale = 2 ** indexBits;
  const done: RuleKeys[] = [];
  let candidatePairs = 0;
  let blocks = 0;
  let oversizedBlocks = 0;
  let oversizedMemberships = 0;
  const pairsByRule: Record<string, number> = {};

  rules.forEach((rule, ruleIndex) => {
    const limit = Math.min(maxBlockSize, rule.maxBlockSize ?? Infinity);
    const keys = collectKeys(profiles, rule, ruleIndex, hashBits);
    const entries = new Float64Array(keys.hashes.length);
    for (let i = 0; i < n; i++) {
      for (let p = keys.offsets[i]!; p < keys.offsets[i + 1]!; p++) entries[p] = keys.hashes[p]! * indexScale + i;
    }
    entries.sort();
    let pairs = 0;
    let start = 0;
    while (start < entries.length) {
      const hash = Math.floor(entries[start]! / indexScale);
      let end = start + 1;
      while (end < entries.length && Math.floor(entries[end]! / indexScale) === hash) end++;
      const size = end - start;
      if (size > limit) {
        oversizedBlocks++;
        oversizedMemberships += size;
        keys.oversized.add(hash);
      } else if (size >= 2) {
        blocks++;
        for (let p = start; p < end; p++) {
          const x = entries[p]! - hash * indexScale;
          for (let q = p + 1; q < end; q++) {
            const y = entries[q]! - hash * indexScale;
            if (shareComparedKey(keys, x, y, hash)) continue;
            let seen = false;
            for (let earlier = 0; earlier < done.length && !seen; earlier++) seen = shareComparedKey(done[earlier]!, x, y, Infinity);
            if (seen) continue;
            pairs++;
            visit(x, y, ruleIndex);
          }
        }
      }
      start = end;
    }
    done.push(keys);
    candidatePairs += pairs;
    pairsByRule[rule.id] = pairs;
  });
  return { candidatePairs, blocks, oversizedBlocks, oversizedMemberships, pairsByRule };
}
