// Which domain each source of a resolution's records belongs to.
import type { Domain } from '../config/index.js';
import type { ResolvedRecord } from './result.js';

/**
 * Each source of the records with its domain (the first record's: a source has one), sources in
 * code-unit order. One pass, no pair made per record. run.json keeps it; the report's pictures colour records by it.
 */
export function sourceDomainsOf(records: readonly Pick<ResolvedRecord, 'source' | 'domain'>[]): Record<string, Domain> {
  const domainOf = new Map<string, Domain>();
  for (const record of records) if (!domainOf.has(record.source)) domainOf.set(record.source, record.domain);
  return Object.fromEntries([...domainOf].sort(([a], [b]) => (a < b ? -1 : 1)));
}
