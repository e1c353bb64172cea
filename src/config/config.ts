// The resolved configuration every stage receives: defaults merged with the user's file.
import type { CountryCode } from 'libphonenumber-js';
import type { IdentifierType } from '../identifiers/index.js';
import type { CanonicalField } from './canonical-fields.js';

export type Domain = 'online' | 'crm';
export type ConsentMode = 'enforce' | 'strict' | 'ignore';

export interface LimitsConfig {
  /** At most this many distinct identifiers of a type per customer (DESIGN.md rule 2). */
  readonly identifiersPerType: Readonly<Record<IdentifierType, number>>;
  /** At most this many records per customer. */
  readonly recordsPerCustomer: number;
  /** A field longer than this (in characters) rejects its row (protects memory). */
  readonly maxFieldLength: number;
}

export interface JunkConfig {
  /** Extra placeholder values, each `type:value` with the value as normalised. */
  readonly values: readonly string[];
  /** A value held by more records than this never links (the frequency rule). */
  readonly maxRecordsPerValue: number;
}

export interface FuzzyConfig {
  readonly enabled: boolean;
  /** Minimum weight in (0, 1] (the match probability) for a fuzzy link to be applied. */
  readonly threshold: number;
  /** Fuzzy matchers to run, by id (src/matchers/fuzzy/registry.ts); they run in registry order. */
  readonly matchers: readonly string[];
  /** Blocks (records sharing a blocking key) larger than this are skipped and counted. */
  readonly maxBlockSize: number;
  /** Name similarity (best of Jaro-Winkler and Levenshtein) from which two names agree. */
  readonly nameSimilarity: number;
  /** Levenshtein similarity from which streets, cities and email local parts agree. */
  readonly textSimilarity: number;
  /** Expected further records of the same person per record: the prior of the match probability. */
  readonly duplicatesPerRecord: number;
}

export interface Config {
  /** source name → domain, for rows whose domain column is empty or absent. */
  readonly sources: Readonly<Record<string, Domain>>;
  /** input column → canonical field, for layouts other than the canonical one. */
  readonly columns: Readonly<Record<string, CanonicalField>>;
  readonly phone: { readonly defaultRegion: CountryCode };
  readonly limits: LimitsConfig;
  readonly junk: JunkConfig;
  readonly fuzzy: FuzzyConfig;
  /** Refuse merges between records whose first names or birth dates clearly disagree. */
  readonly negativeEvidence: { readonly enabled: boolean };
  readonly consent: ConsentMode;
}
