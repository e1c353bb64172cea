// Candidate pairs from blocking keys: records sharing a key are compared, never all pairs.
//
// Every record's keys under every rule are hashed to integers once; then, one rule at a time,
// they are sorted into blocks, so that 1M records need a few typed arrays instead of millions of
// Map entries. Blocks above `maxBlockSize` records are
// skipped and counted (a key shared by thousands of records says little and would cost
// quadratic time). A pair that shares several keys is compared once: in its first block.
import { isMissingPart, KEY_PART_SEPARATOR, type KeySink, type KeysOfProfile } from './blocking-key.js';
import type { MatchProfile } from './profile.js';

/** A blocking rule as the blocker sees it: keys of a profile. */
export interface KeyRule {
  readonly id: string;
  /** Hands each key of a profile to the sink, as parts (blocking-key.ts). */
  readonly keys: KeysOfProfile;
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

/** Keys of distinct rules never compare equal: a key is `rule * RULE_SPAN + hash`, and hashes stay below 2^30. */
const RULE_SPAN = 2 ** 30;

/**
 * Every record's keys under every rule, in CSR layout: the keys of record i are
 * `keys[offsets[i]..offsets[i+1])`, each `rule * RULE_SPAN + hash`, ascending (so grouped by rule).
 *
 * NOTE: one list per record for all rules, not one list per rule: the test whether a pair was
 * already compared reads every earlier rule's keys of both records, and with a list per rule those
 * were two reads at random positions per rule and record. Measured on the 1M-record scale data,
 * enumerating the candidate pairs took 12.7 s with lists per rule and 10.9 s with this layout
 * (bench/RESULTS.md, "Blocking keys hashed from their parts, kept per record").
 */
export interface BlockingKeys {
  readonly offsets: Int32Array;
  readonly keys: Float64Array;
  /** Keys per rule. */
  readonly counts: Int32Array;
}

const FNV_PRIME = 0x01000193;
const SEPARATOR_CODE = KEY_PART_SEPARATOR.charCodeAt(0);

/** FNV-1a of `text`'s UTF-16 code units, continuing from `hash`. */
function hashText(hash: number, text: string): number {
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), FNV_PRIME);
  return hash;
}

/** Bits of a record position and of a key hash: an entry `hash * 2^indexBits + position` must stay an exact float64. */
function bitsFor(profileCount: number): { readonly indexBits: number; readonly hashBits: number } {
  const indexBits = Math.max(1, Math.ceil(Math.log2(profileCount + 1)));
  return { indexBits, hashBits: Math.min(30, 53 - indexBits) };
}

/**
 * Every record's keys under every rule, hashed. The rules hand their keys over as parts
 * (blocking-key.ts); a key is FNV-1a over the rule number and its parts joined with `|`, as a
 * non-negative 30-bit integer cut to the bits the run's size leaves. The same profiles and rules
 * give the same keys on any thread (the fuzzy stage's worker computes them, find-links-parallel.ts).
 *
 * @param profiles - the records to block, in the order forEachCandidatePair will get them
 * @param rules - the blocking rules, in order
 */
export function blockingKeys(profiles: readonly MatchProfile[], rules: readonly KeyRule[]): BlockingKeys {
  const n = profiles.length;
  const { hashBits } = bitsFor(n);
  const offsets = new Int32Array(n + 1);
  const counts = new Int32Array(rules.length);
  // About one key per rule and record; grown when a record has more (several emails).
  let keys = new Float64Array(Math.max(16, n * rules.length));
  let length = 0;
  const mask = 2 ** hashBits - 1;
  let rule = 0;
  let ruleStart = 0;
  const sink: KeySink = (...parts) => {
    let hash = Math.imul((0x811c9dc5 ^ rule) >>> 0, FNV_PRIME);
    for (let index = 0; index < parts.length; index++) {
      const part = parts[index];
      if (isMissingPart(part)) return;
      if (index > 0) hash = Math.imul(hash ^ SEPARATOR_CODE, FNV_PRIME);
      hash = hashText(hash, part);
    }
    const composite = rule * RULE_SPAN + ((hash >>> 1) & mask);
    // Insertion into this rule's keys of the record, kept ascending and distinct (a handful at most).
    let at = length;
    while (at > ruleStart && keys[at - 1]! > composite) at--;
    if (at > ruleStart && keys[at - 1] === composite) return;
    if (length === keys.length) {
      const grown = new Float64Array(Math.ceil(keys.length * 1.5));
      grown.set(keys);
      keys = grown;
    }
    keys.copyWithin(at + 1, at, length);
    keys[at] = composite;
    length++;
  };
  for (let i = 0; i < n; i++) {
    const profile = profiles[i]!;
    for (rule = 0; rule < rules.length; rule++) {
      ruleStart = length;
      rules[rule]!.keys(profile, sink);
      counts[rule]! += length - ruleStart;
    }
    offsets[i + 1] = length;
  }
  return { offsets, keys: length * 8 < keys.length * 7 ? keys.slice(0, length) : keys, counts };
}

/**
 * True when records x and y share a key below `bound` (an earlier rule's, or the current rule's in
 * an earlier block) whose block was compared, not skipped as oversized.
 */
function shareComparedKey(recordKeys: BlockingKeys, oversized: ReadonlySet<number>, x: number, y: number, bound: number): boolean {
  const { offsets, keys } = recordKeys;
  let p = offsets[x]!;
  let q = offsets[y]!;
  const pEnd = offsets[x + 1]!;
  const qEnd = offsets[y + 1]!;
  // Both lists ascend: walk them together up to the bound.
  while (p < pEnd && q < qEnd) {
    const a = keys[p]!;
    const b = keys[q]!;
    if (a >= bound || b >= bound) return false;
    if (a < b) p++;
    else if (b < a) q++;
    else {
      // NOTE: the oversized set is consulted only for a shared key (rare), not for every key.
      if (!oversized.has(a)) return true;
      p++;
      q++;
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
 * @param recordKeys - blockingKeys(profiles, rules), when computed already (on another thread)
 * @returns the counts of the run
 */
export function forEachCandidatePair(
  profiles: readonly MatchProfile[],
  rules: readonly KeyRule[],
  maxBlockSize: number,
  visit: (x: number, y: number, rule: number) => void,
  recordKeys: BlockingKeys = blockingKeys(profiles, rules),
): BlockingStats {
  const n = profiles.length;
  if (recordKeys.offsets.length !== n + 1 || recordKeys.counts.length !== rules.length) {
    throw new Error(`blocking keys for ${recordKeys.offsets.length - 1} records and ${recordKeys.counts.length} rules, not ${n} and ${rules.length}`);
  }
  const indexScale = 2 ** bitsFor(n).indexBits;
  /** Per record, its first key of the rule being enumerated (rules are taken in order). */
  const next = recordKeys.offsets.slice(0, n);
  /** Keys (`rule * RULE_SPAN + hash`) whose blocks were skipped as oversized. */
  const oversized = new Set<number>();
  let candidatePairs = 0;
  let blocks = 0;
  let oversizedBlocks = 0;
  let oversizedMemberships = 0;
  const pairsByRule: Record<string, number> = {};

  rules.forEach((rule, ruleIndex) => {
    const limit = Math.min(maxBlockSize, rule.maxBlockSize ?? Infinity);
    const ruleBase = ruleIndex * RULE_SPAN;
    const entries = new Float64Array(recordKeys.counts[ruleIndex]!);
    let filled = 0;
    for (let i = 0; i < n; i++) {
      // Each record's keys ascend by rule: this rule's keys start where the last rule's ended.
      let p = next[i]!;
      for (const end = recordKeys.offsets[i + 1]!; p < end && recordKeys.keys[p]! < ruleBase + RULE_SPAN; p++) {
        entries[filled++] = (recordKeys.keys[p]! - ruleBase) * indexScale + i;
      }
      next[i] = p;
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
        oversized.add(ruleBase + hash);
      } else if (size >= 2) {
        blocks++;
        const bound = ruleBase + hash;
        for (let p = start; p < end; p++) {
          const x = entries[p]! - hash * indexScale;
          for (let q = p + 1; q < end; q++) {
            const y = entries[q]! - hash * indexScale;
            if (shareComparedKey(recordKeys, oversized, x, y, bound)) continue;
            pairs++;
            visit(x, y, ruleIndex);
          }
        }
      }
      start = end;
    }
    candidatePairs += pairs;
    pairsByRule[rule.id] = pairs;
  });
  return { candidatePairs, blocks, oversizedBlocks, oversizedMemberships, pairsByRule };
}
