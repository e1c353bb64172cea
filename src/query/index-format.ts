// The on-disk layout of a run's query index (`<run>/index/`): file names, the manifest and the line shapes.
//
// Each kind of entry lives in one `<kind>.shards` file: shard after shard, each shard an
// independent raw-deflate stream of NDJSON lines (JSON arrays, key first) sorted by key, the
// shard chosen by a hash of the key (see shard-hash.ts). Beside it, `<kind>.offsets` holds
// shards + 1 little-endian float64 byte offsets. A query hashes its key, reads 16 bytes of
// offsets and then only that shard's bytes: a few kilobytes, whatever the run's size.
// NOTE: deflate (level 1) makes the index about 4.5 times smaller for about 10% more write
// time, and costs a query a tenth of a millisecond; the price is that the files are not
// greppable (inflate one shard with zlib.inflateRawSync to read it).
import type { RefusalRule } from '../resolve/index.js';

export const INDEX_DIR = 'index';
export const INDEX_META_FILE = 'meta.json';
export const INDEX_STATS_FILE = 'stats.json';
export const INDEX_FORMAT = 'idgraph-query-index';
export const INDEX_VERSION = 1;
/** zlib level of every shard: the fastest, which already gets most of the size down. */
export const SHARD_COMPRESSION_LEVEL = 1;

/**
 * The kinds of entries, each keyed by:
 * identifiers → NodeKey (`email:…`); records → record_id (all sources);
 * customers → customer_id (summary); details → customer_id (members, links, refused merges).
 */
export const INDEX_KINDS = ['identifiers', 'records', 'customers', 'details'] as const;
export type IndexKind = (typeof INDEX_KINDS)[number];

/** Entries per shard aimed at, per kind (a details entry holds a whole customer, so fewer). */
export const ENTRIES_PER_SHARD: Readonly<Record<IndexKind, number>> = {
  identifiers: 1024,
  records: 1024,
  customers: 1024,
  details: 256,
};

/** The run files the index is built from; their sizes are kept to detect a stale index. */
export const INDEXED_RUN_FILES = ['records.csv', 'identifiers.csv', 'customers.csv', 'links.csv', 'refused.csv'] as const;

export const dataFileOf = (kind: IndexKind): string => `${kind}.shards`;
export const offsetsFileOf = (kind: IndexKind): string => `${kind}.offsets`;

/** `index/meta.json`, written last: an index directory without it is incomplete. */
export interface IndexMeta {
  readonly format: typeof INDEX_FORMAT;
  readonly version: typeof INDEX_VERSION;
  /** Shard count (a power of two) per kind. */
  readonly shards: Readonly<Record<IndexKind, number>>;
  /** Byte size of each run file at the time the index was built (null: the file was absent). */
  readonly builtFrom: Readonly<Record<string, number | null>>;
}

/** `[node key, customer id or null, records holding it, junk reason or null]`. */
export type IdentifierLine = readonly [key: string, customerId: string | null, records: number, junk: 'placeholder' | 'frequency' | null];
/** `[record id, source, customer id]`. */
export type RecordLine = readonly [recordId: string, source: string, customerId: string];
/** `[customer id, permission level, records, identifiers, sources]`. */
export type CustomerLine = readonly [customerId: string, permissionLevel: 1 | 2 | 3, records: number, identifiers: number, sources: readonly string[]];
/** An applied link: `[from, to, matcher, weight, evidence]`. */
export type LinkRow = readonly [from: string, to: string, matcher: string, weight: number, evidence: string];
/** A refused merge: `[from, to, rule, detail, matcher, weight, from customer, to customer]`. */
export type RefusedRow = readonly [
  from: string,
  to: string,
  rule: RefusalRule,
  detail: string,
  matcher: string,
  weight: number,
  fromCustomer: string | null,
  toCustomer: string | null,
];
/** Everything that belongs to one customer; refused merges where either side is it. */
export type DetailsLine = readonly [
  customerId: string,
  identifiers: readonly (readonly [type: string, value: string, records: number])[],
  records: readonly (readonly [source: string, recordId: string])[],
  links: readonly LinkRow[],
  refused: readonly RefusedRow[],
];

/** The start of every line whose key is `key`: lines are JSON arrays with the key first. */
export function linePrefix(key: string): string {
  return `[${JSON.stringify(key)},`;
}

/** `index/stats.json`: what `idgraph stats` shows beyond report.json, computed from the index's sources. */
export interface IndexStats {
  readonly records: number;
  readonly customers: number;
  readonly identifiers: number;
  readonly identifiersWithoutCustomer: number;
  readonly links: number;
  readonly permissionLevels: Readonly<Record<'1' | '2' | '3', number>>;
  /** Records per customer → customers, ascending by size. */
  readonly clusterSizes: readonly { readonly size: number; readonly customers: number }[];
  /** The 10 customers with most records (ties: by ID). */
  readonly largestCustomers: readonly {
    readonly customerId: string;
    readonly permissionLevel: 1 | 2 | 3;
    readonly records: number;
    readonly identifiers: number;
    readonly sources: readonly string[];
  }[];
  readonly refusedByRule: Readonly<Record<RefusalRule, number>>;
  /** Per source: its records and the customers holding at least one of them. */
  readonly sources: readonly { readonly source: string; readonly records: number; readonly customers: number }[];
  /** Junk values (never linked), most records first. */
  readonly junk: readonly { readonly key: string; readonly reason: 'placeholder' | 'frequency'; readonly records: number }[];
}
