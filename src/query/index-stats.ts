// Computes index/stats.json: distributions over customers, sources, refused merges and junk values.
import type { RefusalRule } from '../resolve/index.js';
import { valueAt, type CodedColumn, type EdgeColumns, type MemberColumns } from './index-columns.js';
import type { IndexStats } from './index-format.js';

const LARGEST = 10;

/** How many rows hold each value of a coded column, by value. */
function countsByValue(column: CodedColumn): Map<string, number> {
  const perCode = new Array<number>(column.values.length).fill(0);
  for (const code of column.codes) perCode[code]!++;
  return new Map(column.values.map((value, code) => [value, perCode[code]!]));
}

/** Summarises an index's columns for `idgraph stats` (pure; the writer stores the result). */
export function computeIndexStats(members: MemberColumns, edges: EdgeColumns): IndexStats {
  const { customers, customerIds: ids } = members;
  const customerCount = customers.permissionLevel.length;
  const permissionLevels = { '1': 0, '2': 0, '3': 0 };
  const sizes = new Map<number, number>();
  const customersPerSource = new Map<string, number>();
  for (let at = 0; at < customerCount; at++) {
    permissionLevels[String(customers.permissionLevel[at]) as '1' | '2' | '3']++;
    const records = customers.records[at]!;
    sizes.set(records, (sizes.get(records) ?? 0) + 1);
    for (const name of customers.sources[at]!) customersPerSource.set(name, (customersPerSource.get(name) ?? 0) + 1);
  }
  const recordsPerSource = countsByValue(members.records.source);
  const refusedByRule: Record<RefusalRule, number> = { consent: 0, limit: 0, conflict: 0, junk: 0 };
  for (const [rule, count] of countsByValue(edges.refused.rule)) refusedByRule[rule as RefusalRule] += count;

  // A bounded selection instead of sorting every customer: the list stays 10 long.
  const largest: number[] = [];
  const before = (a: number, b: number) => customers.records[a]! > customers.records[b]! || (customers.records[a] === customers.records[b] && ids[a]! < ids[b]!);
  for (let customer = 0; customer < customerCount; customer++) {
    if (largest.length === LARGEST && !before(customer, largest[LARGEST - 1]!)) continue;
    let at = largest.length;
    while (at > 0 && before(customer, largest[at - 1]!)) at--;
    largest.splice(at, 0, customer);
    if (largest.length > LARGEST) largest.pop();
  }

  return {
    records: members.records.recordId.length,
    customers: customerCount,
    identifiers: members.identifiers.value.length,
    identifiersWithoutCustomer: members.identifiers.customerId.filter((position) => position < 0).length,
    links: edges.links.from.length,
    permissionLevels,
    clusterSizes: [...sizes].sort((a, b) => a[0] - b[0]).map(([size, count]) => ({ size, customers: count })),
    largestCustomers: largest.map((customer) => ({
      customerId: ids[customer]!,
      permissionLevel: customers.permissionLevel[customer]! as 1 | 2 | 3,
      records: customers.records[customer]!,
      identifiers: customers.identifiers[customer]!,
      sources: customers.sources[customer]!,
    })),
    refusedByRule,
    sources: [...new Set([...recordsPerSource.keys(), ...customersPerSource.keys()])]
      .sort()
      .map((name) => ({ source: name, records: recordsPerSource.get(name) ?? 0, customers: customersPerSource.get(name) ?? 0 })),
    junk: [...members.junk]
      .sort((a, b) => b.records - a.records || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map((value) => ({ key: value.key, reason: value.reason, records: value.records })),
  };
}
