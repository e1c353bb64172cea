// The engine: records in, customers out. Pure: no files, no environment, no console, no clock.
import type { Config, ConsentMode } from '../config/index.js';
import { contentCustomerId, type CustomerId } from '../ids/index.js';
import { IDENTIFIER_TYPES, nodeKey, parseNodeKey, type IdentifierType, type NodeKey } from '../identifiers/index.js';
import type { InputRecord, Rejection } from '../input/index.js';
import { findFuzzyLinks, toMatchRecord, type FuzzyLink, type MatchRecord } from '../matchers/index.js';
import { normaliseIdentifier } from '../normalise/identifier.js';
import { isPlaceholder } from '../normalise/junk.js';
import { canonicalRecordOrder, compareFuzzyLinks, compareStrings, recordKeyOf } from './canonical-order.js';
import { ComponentStates } from './component-state.js';
import type {
  AppliedLink,
  Customer,
  JunkValue,
  LimitName,
  RefusedMerge,
  ResolutionCounts,
  ResolutionResult,
  ResolvedIdentifier,
  ResolvedRecord,
} from './result.js';
import { checkConsent, checkLimits, checkNegativeEvidence, permissionLevel, type RefusalRule, type RuleOutcome } from './rules/index.js';
import { UnionFind } from './union-find.js';

export type Stage = 'normalise' | 'match' | 'resolve' | 'assemble';

export interface ResolveOptions {
  readonly config: Config;
  /** Overrides config.consent (the CLI's --consent). */
  readonly consent?: ConsentMode;
  /** Overrides config.fuzzy.enabled (the CLI's --no-fuzzy). */
  readonly fuzzy?: boolean;
  /** Replaces a normalised identifier value by its pseudonym before it enters the graph. */
  readonly pseudonymise?: (type: IdentifierType, normalisedValue: string) => string;
  /** Called when a stage ends, with its name; lets the caller time stages without the engine reading a clock. */
  readonly onStage?: (stage: Stage) => void;
}

interface IdentifierNode {
  readonly key: NodeKey;
  readonly type: IdentifierType;
  readonly value: string;
  readonly records: number[];
  junk: JunkValue['reason'] | null;
}

const RECORD_PREFIX = 'record:';

/**
 * Resolves records into customers.
 *
 * @param input records in any order (their order does not change the result)
 * @param options configuration and run switches
 * @returns every record with its customer, the identifiers, customers, applied links,
 *   refused merges and value-level rejections
 * @example
 * const result = resolve(records, { config: DEFAULT_CONFIG, consent: 'enforce' });
 * result.records[0].customerId; // 'cus_…'
 */
export function resolve(input: readonly InputRecord[], options: ResolveOptions): ResolutionResult {
  const { config } = options;
  const consentMode = options.consent ?? config.consent;
  const fuzzyEnabled = options.fuzzy ?? config.fuzzy.enabled;
  const extraJunk = new Set(config.junk.values);

  const records = canonicalRecordOrder(input);
  const recordCount = records.length;
  const rejections: Rejection[] = [];

  // Stage 1: normalise identifiers, drop invalid and placeholder values, intern node keys.
  // NOTE: maps per identifier type, keyed by the raw and by the graph value as they are: a key
  // built by concatenation is a new string hashed on every lookup, which cost seconds at 1M records.
  const nodesByType = new Map<IdentifierType, Map<string, IdentifierNode>>();
  // NOTE: only phones (~10 µs to parse) and emails (~1 µs: Unicode checks, NFKC) are cached; the
  // other normalisers cost ~0.2 µs, less than a lookup in a map of a million values.
  const normaliseCaches = new Map<IdentifierType, Map<string, ReturnType<typeof normaliseIdentifier>>>([
    ['phone', new Map()],
    ['email', new Map()],
  ]);
  const matchRecords: MatchRecord[] = new Array(recordCount);
  const firstNames: (string | null)[] = new Array(recordCount);
  const birthDates: (string | null)[] = new Array(recordCount);
  /**
   * The node of a graph value, created on first sight (a placeholder when `normalised`, the value
   * before pseudonymisation, is one; null for values that were checked in an earlier run); null
   * when this record already holds it.
   */
  const nodeFor = (index: number, type: IdentifierType, value: string, normalised: string | null): IdentifierNode | null => {
    let nodes = nodesByType.get(type);
    if (nodes === undefined) nodesByType.set(type, (nodes = new Map()));
    let node = nodes.get(value);
    if (node === undefined) {
      const placeholder = normalised !== null && isPlaceholder(type, normalised, extraJunk);
      node = { key: nodeKey(type, value), type, value, records: [], junk: placeholder ? 'placeholder' : null };
      nodes.set(value, node);
    } else if (node.records[node.records.length - 1] === index) {
      return null; // records are visited in index order, so a repeat within a record is the last entry
    }
    return node;
  };
  for (let index = 0; index < recordCount; index++) {
    const record = records[index]!;
    const emails: string[] = [];
    const phones: string[] = [];
    for (const identifier of record.identifiers) {
      if (identifier.pseudonymised === true) {
        // A pseudonym from a pseudonymised run's state: normalised and pseudonymised then; placeholders were dropped.
        nodeFor(index, identifier.type, identifier.raw, null)?.records.push(index);
        continue;
      }
      const cache = normaliseCaches.get(identifier.type);
      let result = cache?.get(identifier.raw);
      if (result === undefined) {
        result = normaliseIdentifier(identifier.type, identifier.raw, { defaultRegion: config.phone.defaultRegion });
        cache?.set(identifier.raw, result);
      }
      if (!result.ok) {
        rejections.push({
          level: 'value', code: 'INVALID_VALUE', file: record.file, line: record.line,
          recordId: record.recordId, field: identifier.type, detail: `invalid ${identifier.type} (${result.reason}); not used for matching`,
        });
        continue;
      }
      const normalised = result.value;
      if (identifier.type === 'email') emails.push(normalised);
      if (identifier.type === 'phone') phones.push(normalised);
      const value = options.pseudonymise ? options.pseudonymise(identifier.type, normalised) : normalised;
      nodeFor(index, identifier.type, value, normalised)?.records.push(index);
    }
    const matchRecord = toMatchRecord(index, record, emails, phones);
    firstNames[index] = matchRecord.firstName;
    birthDates[index] = matchRecord.birthDate;
    matchRecords[index] = matchRecord;
  }
  normaliseCaches.clear();

  // Junk: placeholders (above) and values held by implausibly many records.
  // Canonical order (canonical-order.ts): the types in priority order, each type's nodes by value.
  const identifierNodes: IdentifierNode[] = [];
  for (const type of IDENTIFIER_TYPES) {
    const nodes = [...(nodesByType.get(type)?.values() ?? [])].sort((a, b) => compareStrings(a.value, b.value));
    for (const node of nodes) identifierNodes.push(node);
  }
  nodesByType.clear();
  const junk: JunkValue[] = [];
  for (const node of identifierNodes) {
    if (node.junk === null && node.records.length > config.junk.maxRecordsPerValue) node.junk = 'frequency';
    if (node.junk === null) continue;
    junk.push({ key: node.key, reason: node.junk, records: node.records.length });
    const detail =
      node.junk === 'placeholder'
        ? `${node.type} is a placeholder value; never links`
        : `${node.type} is held by ${node.records.length} records (junk.maxRecordsPerValue ${config.junk.maxRecordsPerValue}); never links`;
    for (const recordIndex of node.records) {
      const record = records[recordIndex]!;
      rejections.push({ level: 'value', code: 'JUNK_VALUE', file: record.file, line: record.line, recordId: record.recordId, field: node.type, detail });
    }
  }
  options.onStage?.('normalise');

  // Stage 2: fuzzy candidate links.
  const fuzzyStage = fuzzyEnabled ? findFuzzyLinks(matchRecords, config.fuzzy) : null;
  const fuzzyLinks: FuzzyLink[] = fuzzyStage?.links ?? [];
  fuzzyLinks.sort(compareFuzzyLinks);
  options.onStage?.('match');

  // Stage 3: apply links strongest first under the rules.
  const nodeCount = recordCount + identifierNodes.length;
  const sets = new UnionFind(nodeCount);
  const state = new ComponentStates(nodeCount);
  for (let index = 0; index < recordCount; index++) {
    state.initRecord(index, records[index]!, firstNames[index] ?? null, birthDates[index] ?? null);
  }
  identifierNodes.forEach((node, rank) => state.initIdentifier(recordCount + rank, node.type));

  const appliedFrom: number[] = [];
  const appliedTo: number[] = [];
  const appliedFuzzy: (FuzzyLink | null)[] = [];
  interface PendingRefusal { readonly from: number; readonly to: number; readonly link: FuzzyLink | null; readonly outcome: RuleOutcome & { allowed: false }; readonly limit: LimitName | null }
  const refusals: PendingRefusal[] = [];
  const negativeEvidence = config.negativeEvidence.enabled;

  const side = (root: number) => ({
    domains: state.domains[root]!,
    cookie: state.cookie(root),
    crm: state.crm(root),
    records: state.records[root]!,
    identifierCount: (type: IdentifierType) => state.identifierCount(root, type),
    firstNames: state.firstNames[root],
    birthDates: state.birthDates[root],
  });

  const apply = (from: number, to: number, link: FuzzyLink | null) => {
    const rootA = sets.find(from);
    const rootB = sets.find(to);
    if (rootA !== rootB) {
      const a = side(rootA);
      const b = side(rootB);
      let outcome: RuleOutcome = { allowed: true };
      if (a.records > 0 && b.records > 0) {
        outcome = checkConsent(a, b, consentMode);
        if (outcome.allowed) outcome = checkLimits(a, b, config.limits);
        if (outcome.allowed && negativeEvidence) outcome = checkNegativeEvidence(a, b, link?.weighed);
      } else {
        outcome = checkLimits(a, b, config.limits);
      }
      if (!outcome.allowed) {
        // Which limit refused it: the identifier limits are checked first, so without them it was the record limit.
        const limit = outcome.rule !== 'limit' ? null
          : checkLimits(a, b, { ...config.limits, recordsPerCustomer: Infinity }).allowed ? 'recordsPerCustomer' : 'identifiersPerType';
        refusals.push({ from, to, link, outcome, limit });
        return;
      }
      const winner = sets.unionRoots(rootA, rootB);
      state.merge(winner, winner === rootA ? rootB : rootA);
    }
    appliedFrom.push(from);
    appliedTo.push(to);
    appliedFuzzy.push(link);
  };

  identifierNodes.forEach((node, rank) => {
    if (node.junk !== null) return;
    for (const recordIndex of node.records) apply(recordIndex, recordCount + rank, null);
  });
  for (const link of fuzzyLinks) apply(link.a, link.b, link);
  // A refusal can stop being one once other merges changed a side (a later grant joined it):
  // give every refused link one more chance, in the same canonical order.
  const firstPass = refusals.splice(0, refusals.length);
  for (const { from, to, link } of firstPass) apply(from, to, link);
  options.onStage?.('resolve');

  // Stage 4: customers, IDs and output rows.
  const membersByRoot = new Map<number, number[]>();
  for (let index = 0; index < recordCount; index++) {
    const root = sets.find(index);
    let members = membersByRoot.get(root);
    if (members === undefined) membersByRoot.set(root, (members = []));
    members.push(index);
  }
  const customerOfRoot = new Map<number, CustomerId>();
  const recordKeys = records.map(recordKeyOf);
  const customers: Customer[] = [];
  const clusterSizes: Record<string, number> = {};
  const permissionLevels = { '1': 0, '2': 0, '3': 0 };
  for (const [root, members] of membersByRoot) {
    const id = contentCustomerId(members.map((index) => recordKeys[index]!));
    customerOfRoot.set(root, id);
    const level = permissionLevel(state.cookie(root), state.crm(root));
    permissionLevels[level]++;
    clusterSizes[members.length] = (clusterSizes[members.length] ?? 0) + 1;
    customers.push({
      id,
      permissionLevel: level,
      records: members.length,
      identifiers: state.totalIdentifiers(root),
      sources: [...new Set(members.map((index) => records[index]!.source))].sort(),
    });
  }
  customers.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const customerOf = (node: number): CustomerId | null => customerOfRoot.get(sets.find(node)) ?? null;
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
    node < recordCount ? (recordRefs[node] ??= `${RECORD_PREFIX}${recordKeys[node]}`) : identifierNodes[node - recordCount]!.key;
  const exactLinks = new Map(
    IDENTIFIER_TYPES.map((type) => [type, { matcher: `exact-${type}`, weight: 1, evidence: `record holds this ${type}` }] as const),
  );
  const describeLink = (from: number, to: number, link: FuzzyLink | null): { matcher: string; weight: number; evidence: string } =>
    link === null ? exactLinks.get(identifierNodes[to - recordCount]!.type)! : link;
  const links: AppliedLink[] = appliedFrom.map((from, index) => {
    const to = appliedTo[index]!;
    const { matcher, weight, evidence } = describeLink(from, to, appliedFuzzy[index] ?? null);
    return { from: nodeRef(from), to: nodeRef(to), matcher, weight, evidence };
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
    const { matcher, weight } = describeLink(from, to, link);
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
    invalidValues: rejections.filter((rejection) => rejection.code === 'INVALID_VALUE').length,
    junkValues: junk.length,
    permissionLevels,
    clusterSizes,
  };
  options.onStage?.('assemble');
  return { records: resolvedRecords, identifiers, customers, links, refused, rejections, junk, counts };
}
