// Stage 4 of the engine: components become customers with content IDs; the result's rows and counts.
import { byCustomerId, contentCustomerId, type CustomerId } from '../ids/index.js';
import { IDENTIFIER_TYPES, parseNodeKey } from '../identifiers/index.js';
import type { FuzzyLink, FuzzyStageResult } from '../matchers/index.js';
import { flatConcat } from '../memory/flat-string.js';
import { recordKeyOf } from './canonical-order.js';
import type { LinkedGraph } from './link-stage.js';
import type { NormalisedInput } from './normalise-stage.js';
import type {
  AppliedLink,
  Customer,
  LimitName,
  RefusedMerge,
  ResolutionCounts,
  ResolutionResult,
  ResolvedIdentifier,
  ResolvedRecord,
} from './result.js';
import { permissionLevel, type RefusalRule } from './rules/index.js';

const RECORD_PREFIX = 'record:';

/**
 * Builds the resolution result: one customer per component holding records, every record with its
 * customer, the identifiers, the applied links and the standing refusals, and the run's counts.
 *
 * @param input - stage 1's output
 * @param fuzzyStage - stage 2's output (null with fuzzy matching off)
 * @param fuzzyLinks - the fuzzy links as stage 3 was given them
 * @param graph - stage 3's output
 */
export function assembleStage(
  input: NormalisedInput,
  fuzzyStage: FuzzyStageResult | null,
  fuzzyLinks: readonly FuzzyLink[],
  graph: LinkedGraph,
): ResolutionResult {
  const { records, identifierNodes, junk } = input;
  const { sets, state, appliedFrom, appliedTo, appliedFuzzy, refusals } = graph;
  const recordCount = records.length;

  // Records grouped by component: a counting sort by root into one typed array.
  // NOTE: a Map of member arrays held ~200 bytes per customer while the result was built (630k
  // customers at 1M records); these arrays hold 4 bytes per node.
  const rootOfRecord = new Int32Array(recordCount);
  const membersOfRoot = new Int32Array(sets.count);
  const roots: number[] = [];
  for (let index = 0; index < recordCount; index++) {
    const root = sets.find(index);
    rootOfRecord[index] = root;
    if (membersOfRoot[root]!++ === 0) roots.push(root);
  }
  const nextSlot = new Int32Array(sets.count);
  let slot = 0;
  for (const root of roots) {
    nextSlot[root] = slot;
    slot += membersOfRoot[root]!;
  }
  const membersInRootOrder = new Int32Array(recordCount);
  for (let index = 0; index < recordCount; index++) membersInRootOrder[nextSlot[rootOfRecord[index]!]!++] = index;

  // The customer of a component root: its position in `idsInRootOrder`, -1 for a component without records.
  const customerOfRoot = new Int32Array(sets.count).fill(-1);
  const idsInRootOrder: CustomerId[] = [];
  const recordKeys = records.map(recordKeyOf);
  const customers: Customer[] = [];
  const clusterSizes: Record<string, number> = {};
  const permissionLevels = { '1': 0, '2': 0, '3': 0 };
  let first = 0;
  for (const root of roots) {
    const size = membersOfRoot[root]!;
    // Members in index order (the counting sort is stable), as contentCustomerId wants their keys.
    const keys = new Array<string>(size);
    const sources = new Set<string>();
    for (let member = 0; member < size; member++) {
      const index = membersInRootOrder[first + member]!;
      keys[member] = recordKeys[index]!;
      sources.add(records[index]!.source);
    }
    first += size;
    const id = contentCustomerId(keys);
    customerOfRoot[root] = idsInRootOrder.length;
    idsInRootOrder.push(id);
    const level = permissionLevel(state.cookie(root), state.crm(root));
    permissionLevels[level]++;
    clusterSizes[size] = (clusterSizes[size] ?? 0) + 1;
    customers.push({
      id,
      permissionLevel: level,
      records: size,
      identifiers: state.totalIdentifiers(root),
      sources: [...sources].sort(),
    });
  }
  customers.sort(byCustomerId);

  const customerOf = (node: number): CustomerId | null => {
    const slot = customerOfRoot[sets.find(node)]!;
    return slot < 0 ? null : idsInRootOrder[slot]!;
  };
  const resolvedRecords: ResolvedRecord[] = records.map((record, index) => ({
    recordKey: recordKeys[index]!,
    recordId: record.recordId,
    source: record.source,
    domain: record.domain,
    customerId: customerOf(index)!,
  }));
  const identifiers: ResolvedIdentifier[] = [];
  let identifiersWithoutCustomer = 0;
  identifierNodes.forEach((node, rank) => {
    if (node.junk !== null) return;
    const customerId = customerOf(recordCount + rank);
    if (customerId === null) identifiersWithoutCustomer++;
    identifiers.push({ key: node.key, type: node.type, value: node.value, customerId, records: node.records.length });
  });

  // One string per record ref and one description per identifier type, shared by every link
  // that uses them (at 1M records a new string per link and side was ~3M allocations).
  const recordRefs: (string | undefined)[] = new Array(recordCount);
  const nodeRef = (node: number): string =>
    node < recordCount ? (recordRefs[node] ??= flatConcat(RECORD_PREFIX, recordKeys[node]!)) : identifierNodes[node - recordCount]!.key;
  const exactLinks = new Map(
    IDENTIFIER_TYPES.map((type) => [type, { matcher: `exact-${type}`, weight: 1, evidence: `record holds this ${type}` }] as const),
  );
  const describeLink = (to: number, link: FuzzyLink | null): { matcher: string; weight: number; evidence: string } =>
    link === null ? exactLinks.get(identifierNodes[to - recordCount]!.type)! : link;
  const links: AppliedLink[] = appliedFrom.map((from, index) => {
    const to = appliedTo[index]!;
    const { matcher, weight, evidence } = describeLink(to, appliedFuzzy[index] ?? null);
    return { from: nodeRef(from), to: nodeRef(to), matcher, weight, evidence, customerId: customerOf(from) };
  });

  const refusedByRule: Record<RefusalRule, number> = { consent: 0, limit: 0, conflict: 0, junk: 0 };
  // A refusal whose two sides still ended up in one customer (joined through other links) was not
  // the reason anything stayed apart; it is counted, not listed.
  const standing = refusals.filter(({ from, to }) => sets.find(from) !== sets.find(to));
  const refusalsSuperseded = refusals.length - standing.length;
  const limitHits: Record<LimitName, number> = { recordsPerCustomer: 0, identifiersPerType: 0 };
  for (const refusal of standing) if (refusal.limit !== null) limitHits[refusal.limit]++;
  const refused: RefusedMerge[] = standing.map(({ from, to, link, outcome }) => {
    refusedByRule[outcome.rule]++;
    const { matcher, weight } = describeLink(to, link);
    return {
      from: nodeRef(from), to: nodeRef(to), matcher, weight, rule: outcome.rule, detail: outcome.detail,
      fromCustomer: customerOf(from), toCustomer: customerOf(to),
    };
  });
  for (const value of junk) {
    refusedByRule.junk++;
    const { type } = parseNodeKey(value.key);
    refused.push({
      from: value.key, to: '', matcher: `exact-${type}`, weight: 1, rule: 'junk',
      detail: value.reason === 'placeholder' ? 'placeholder value' : `held by ${value.records} records`,
      fromCustomer: null, toCustomer: null,
    });
  }

  const counts: ResolutionCounts = {
    records: recordCount,
    customers: customers.length,
    identifiers: identifiers.length,
    identifiersWithoutCustomer,
    linksApplied: links.length,
    fuzzyLinksApplied: appliedFuzzy.filter((link) => link !== null).length,
    fuzzyCandidates: fuzzyStage?.candidatePairs ?? 0,
    fuzzyLinksFound: fuzzyLinks.length,
    fuzzyOversizedBlocks: fuzzyStage?.oversizedBlocks ?? 0,
    refusedByRule,
    refusalsSuperseded,
    limitHits,
    invalidValues: input.rejections.filter((rejection) => rejection.code === 'INVALID_VALUE').length,
    junkValues: junk.length,
    permissionLevels,
    clusterSizes,
  };
  return { records: resolvedRecords, identifiers, customers, links, refused, rejections: input.rejections, junk, counts };
}
