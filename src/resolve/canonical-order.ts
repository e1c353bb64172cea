// Row-order independence lives here: every ordering the engine relies on is defined in this file.
import type { InputRecord } from '../input/index.js';
import type { FuzzyLink } from '../matchers/index.js';

/** `source/record_id`: the record's key in every output. */
export function recordKeyOf(record: Pick<InputRecord, 'source' | 'recordId'>): string {
  return `${record.source}/${record.recordId}`;
}

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Records in canonical order: by source, then record_id (code-unit order, locale-free). */
export function canonicalRecordOrder(records: readonly InputRecord[]): InputRecord[] {
  return [...records].sort((a, b) => compareStrings(a.source, b.source) || compareStrings(a.recordId, b.recordId));
}

/**
 * Identifier nodes are in canonical order by type priority (IDENTIFIER_TYPES), then value
 * (code-unit order): resolve.ts builds that order per type, without comparing whole keys.
 */

/**
 * Fuzzy links strongest first; ties by matcher id, then record indices (which are canonical).
 * Deterministic links (weight 1) are applied before all fuzzy links, by identifier order.
 */
export function compareFuzzyLinks(a: FuzzyLink, b: FuzzyLink): number {
  return b.weight - a.weight || compareStrings(a.matcher, b.matcher) || a.a - b.a || a.b - b.b;
}

export { compareStrings };
