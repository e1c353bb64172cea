// Row-order independence lives here: every ordering the engine relies on is defined in this file.
import type { InputRecord } from '../input/index.js';
import type { FuzzyLink } from '../matchers/index.js';
import { flatConcat } from '../memory/flat-string.js';

/** `source/record_id`: the record's key in every output (a flat string: kept for the whole run). */
export function recordKeyOf(record: Pick<InputRecord, 'source' | 'recordId'>): string {
  return flatConcat(record.source, '/', record.recordId);
}

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Records in canonical order: by source, then record_id (code-unit order, locale-free); records
 * with the same key keep their relative order (as a stable sort by both would).
 * NOTE: grouped by source first, and a source's group sorted only when it is not in order yet:
 * input files mostly list their records by ID, so at 1M records this is about one pass where a
 * full sort comparing two strings per step took about half a second (and the run does it twice:
 * the engine, then the state writer).
 */
export function canonicalRecordOrder(records: readonly InputRecord[]): InputRecord[] {
  const bySource = new Map<string, InputRecord[]>();
  for (const record of records) {
    const group = bySource.get(record.source);
    if (group === undefined) bySource.set(record.source, [record]);
    else group.push(record);
  }
  const ordered: InputRecord[] = [];
  for (const source of [...bySource.keys()].sort(compareStrings)) {
    const group = bySource.get(source)!;
    let sorted = true;
    for (let index = 1; index < group.length && sorted; index++) sorted = compareStrings(group[index - 1]!.recordId, group[index]!.recordId) <= 0;
    if (!sorted) group.sort((a, b) => compareStrings(a.recordId, b.recordId));
    for (const record of group) ordered.push(record);
  }
  return ordered;
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
