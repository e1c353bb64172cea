// What a resolution produces: the in-memory form of a run's output directory.
import type { Domain } from '../config/index.js';
import type { CustomerId } from '../ids/index.js';
import type { IdentifierType, NodeKey } from '../identifiers/index.js';
import type { Rejection } from '../input/index.js';
import type { RefusalRule } from './rules/index.js';

export interface ResolvedRecord {
  /** `source/record_id`: unique across a run. */
  readonly recordKey: string;
  readonly recordId: string;
  readonly source: string;
  readonly domain: Domain;
  readonly customerId: CustomerId;
}

export interface ResolvedIdentifier {
  readonly key: NodeKey;
  readonly type: IdentifierType;
  /** Normalised value, or its pseudonym with --pseudonymise. */
  readonly value: string;
  /** Null when every attachment of it was refused (see refused merges). */
  readonly customerId: CustomerId | null;
  /** Number of records that carry it. */
  readonly records: number;
}

export interface Customer {
  readonly id: CustomerId;
  readonly permissionLevel: 1 | 2 | 3;
  readonly records: number;
  readonly identifiers: number;
  readonly sources: readonly string[];
}

/** An edge of the identity graph. Node references are `record:<source>/<id>` or an identifier NodeKey. */
export interface LinkEdge {
  readonly from: string;
  readonly to: string;
  readonly matcher: string;
  readonly weight: number;
  readonly evidence: string;
}

/** An applied edge: an edge of one customer's graph. */
export interface AppliedLink extends LinkEdge {
  /** The customer the edge belongs to (both its sides are in it), null when that component holds no record. */
  readonly customerId: CustomerId | null;
}

export interface RefusedMerge {
  readonly from: string;
  readonly to: string;
  readonly matcher: string;
  readonly weight: number;
  readonly rule: RefusalRule;
  readonly detail: string;
  /** The customers the two sides ended up in (null for an identifier left without a customer). */
  readonly fromCustomer: CustomerId | null;
  readonly toCustomer: CustomerId | null;
}

export type JunkReason = 'placeholder' | 'frequency';

export interface JunkValue {
  readonly key: NodeKey;
  readonly reason: JunkReason;
  readonly records: number;
}

/** The over-merge limits of DESIGN rule 2, named as in config `limits`. */
export type LimitName = 'recordsPerCustomer' | 'identifiersPerType';

export interface ResolutionCounts {
  readonly records: number;
  readonly customers: number;
  readonly identifiers: number;
  readonly identifiersWithoutCustomer: number;
  readonly linksApplied: number;
  readonly fuzzyLinksApplied: number;
  /** Record pairs the fuzzy stage compared (from blocking, never all pairs). */
  readonly fuzzyCandidates: number;
  /** Fuzzy links above the threshold (applied or refused by a rule). */
  readonly fuzzyLinksFound: number;
  /** Blocks skipped for holding more than fuzzy.maxBlockSize records. */
  readonly fuzzyOversizedBlocks: number;
  readonly refusedByRule: Readonly<Record<RefusalRule, number>>;
  /** Standing refusals (in refused.csv) by the limit that refused them (config limits.*). */
  readonly limitHits: Readonly<Record<LimitName, number>>;
  /** Refused links whose two sides were joined later through other links (not in refused.csv). */
  readonly refusalsSuperseded: number;
  readonly invalidValues: number;
  readonly junkValues: number;
  readonly permissionLevels: Readonly<Record<'1' | '2' | '3', number>>;
  /** cluster size (records per customer) → number of customers. */
  readonly clusterSizes: Readonly<Record<string, number>>;
}

export interface ResolutionResult {
  readonly records: readonly ResolvedRecord[];
  readonly identifiers: readonly ResolvedIdentifier[];
  readonly customers: readonly Customer[];
  readonly links: readonly AppliedLink[];
  readonly refused: readonly RefusedMerge[];
  /** Value-level rejections (invalid and junk values); row-level ones come from the reader. */
  readonly rejections: readonly Rejection[];
  readonly junk: readonly JunkValue[];
  readonly counts: ResolutionCounts;
}
