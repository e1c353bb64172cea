// How blocking rules hand their keys to the blocker: as parts, which the blocker hashes in place.
import type { MatchProfile } from './profile.js';

/** A part of a blocking key; a missing (null, undefined) or empty part means no such key. */
export type KeyPart = string | null | undefined;

/** Whether `part` is missing or empty: a key with such a part is no key. */
export const isMissingPart = (part: KeyPart): part is null | undefined | '' => part === null || part === undefined || part === '';

/**
 * Receives one record's keys under one rule: `key('1985-03-07', 'm460')` is the key
 * `1985-03-07|m460`, and a call with a missing or empty part gives no key. A repeated key counts once.
 *
 * NOTE: parts handed over, not key strings returned in arrays: the blocker hashes the parts where
 * they are (blocking.ts), so the ~9M rule calls of a 1M-record run build no arrays of keys, no sets
 * and no joined key strings (bench/RESULTS.md, "Blocking keys hashed from their parts, kept per record").
 */
export type KeySink = (...parts: KeyPart[]) => void;

/** What a blocking rule does with a profile: hands each of its keys to the sink. */
export type KeysOfProfile = (profile: MatchProfile, key: KeySink) => void;

/** The separator between a key's parts (`|`), hashed between them as if they were joined. */
export const KEY_PART_SEPARATOR = '|';

/**
 * The keys a rule gives a profile, as strings (parts joined with `|`), distinct, in order: what
 * the blocker hashes, for reading and testing rules.
 * @example keysOf((p, key) => key(p.birthDate, p.lastCode), profile) // ['1985-03-07|m460']
 */
export function keysOf(keys: KeysOfProfile, profile: MatchProfile): string[] {
  const found = new Set<string>();
  keys(profile, (...parts) => {
    if (!parts.some(isMissingPart)) found.add(parts.join(KEY_PART_SEPARATOR));
  });
  return [...found];
}
