// Computes index/stats.json: distributions over customers, sources, refused merges and junk values.
import type { RefusalRule } from '../resolve/index.js';
import type { IndexStats } from './index-format.js';
import type { IndexSource } from './index-source.js';

const LARGEST = 10;

/** Summarises `source` for `idgraph stats` (pure; the writer stores the result). */
export function computeIndexStats(source: IndexSource): IndexStats {
  const permissionLevels = { '1': 0, '2': 0, '3': 0 };
  const sizes = new Map<number, number>();
  const customersPerSource = new Map<string, number>();
  for (const customer of source.customers) {
    permissionLevels[String(customer.permissionLevel) as '1' | '2' | '3']++;
    sizes.set(customer.records, (sizes.get(customer.records) ?? 0) + 1);
    for (const name of customer.sources) customersPerSource.set(name, (customersPerSource.get(name) ?? 0) + 1);
  }
  const recordsPerSource = new Map<string, number>();
  for (const record of source.records) recordsPerSource.set(record.source, (recordsPerSource.get(record.source) ?? 0) + 1);
  const refusedByRule: Record<RefusalRule, number> = { consent: 0, limit: 0, conflict: 0, junk: 0 };
  for (const merge of source.refused) refusedByRule[merge.rule]++;

  // A bounded selection instead of sorting every customer: the list stays 10 long.
  const largest: IndexSource['customers'][number][] = [];
  const before = (a: IndexSource['customers'][number], b: IndexSource['customers'][number]) =>
    a.records > b.records || (a.records === b.records && a.id < b.id);
  for (const customer of source.customers) {
    if (largest.length === LARGEST && !before(customer, largest[LARGEST - 1]!)) continue;
    let at = largest.length;
    while (at > 0 && before(customer, largest[at - 1]!)) at--;
    largest.splice(at, 0, customer);
    if (largest.length > LARGEST) largest.pop();
  }

  return {
    records: source.records.length,
    customers: source.customers.length,
    identifiers: source.identifiers.length,
    identifiersWithoutCustomer: source.identifiers.filter((identifier) => identifier.customerId === null).length,
    links: source.links.length,
    permissionLevels,
    clusterSizes: [...sizes].sort((a, b) => a[0] - b[0]).map(([size, customers]) => ({ size, customers })),
    largestCustomers: largest.map((customer) => ({
      customerId: customer.id,
      permissionLevel: customer.permissionLevel,
      records: customer.records,
      identifiers: customer.identifiers,
      sources: customer.sources,
    })),
    refusedByRule,
    sources: [...new Set([...recordsPerSource.keys(), ...customersPerSource.keys()])]
      .sort()
      .map((name) => ({ source: name, records: recordsPerSource.get(name) ?? 0, customers: customersPerSource.get(name) ?? 0 })),
    junk: [...source.junk]
      .sort((a, b) => b.records - a.records || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map((value) => ({ key: value.key, reason: value.reason, records: value.records })),
  };
}
