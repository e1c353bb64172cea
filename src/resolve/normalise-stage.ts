// Stage 1 of the engine: records in canonical order, identifiers normalised into nodes, junk values found.
import type { Config } from '../config/index.js';
import { IDENTIFIER_TYPES, nodeKey, type IdentifierType, type NodeKey } from '../identifiers/index.js';
import type { InputRecord, Rejection } from '../input/index.js';
import { toMatchRecord, type MatchRecord } from '../matchers/index.js';
import { exactSize } from '../memory/exact-size.js';
import { normaliseIdentifier } from '../normalise/identifier.js';
import { isPlaceholder } from '../normalise/junk.js';
import { COSTLY_TYPES, type NormaliseCaches } from '../normalise/normalise-ahead.js';
import type { NormaliseResult } from '../normalise/result.js';
import { canonicalRecordOrder } from './canonical-order.js';
import type { JunkValue } from './result.js';

/** Replaces a normalised identifier value by its pseudonym before it enters the graph. */
export type Pseudonymise = (type: IdentifierType, normalisedValue: string) => string;

/** An identifier value of the graph and the records that hold it. */
export interface IdentifierNode {
  readonly key: NodeKey;
  readonly type: IdentifierType;
  readonly value: string;
  /** Canonical indices of the records holding it, ascending. */
  readonly records: readonly number[];
  junk: JunkValue['reason'] | null;
}

/** A node while stage 1 collects the records holding it. */
type NodeInProgress = Omit<IdentifierNode, 'records'> & { records: number[] };

/**
 * What the later stages read of a record: stage 1 turns its identifiers into nodes and its
 * attributes into a match record, so the input record itself can be freed.
 */
export type RecordHead = Pick<InputRecord, 'recordId' | 'source' | 'domain' | 'timestamp' | 'cookiePermission' | 'crmPermission'>;

const headOf = (record: InputRecord): RecordHead => ({
  recordId: record.recordId,
  source: record.source,
  domain: record.domain,
  timestamp: record.timestamp,
  cookiePermission: record.cookiePermission,
  crmPermission: record.crmPermission,
});

/** What stage 1 hands the later stages. */
export interface NormalisedInput {
  /** The records in canonical order: a record's index everywhere after this is its position here. */
  readonly records: readonly RecordHead[];
  /**
   * Per record, what the fuzzy matchers compare (by index). Stages 2 and 3 read it; the engine
   * then drops it (an empty list from there on): assemble does not need it, and at 1M records it
   * held ~235 MB through the stage where the run's live heap peaks (bench/RESULTS.md).
   */
  matchRecords: readonly MatchRecord[];
  /** Identifier nodes in canonical order (type priority, then value); node `recordCount + rank` of the graph. */
  readonly identifierNodes: readonly IdentifierNode[];
  readonly junk: readonly JunkValue[];
  /** Value-level rejections: invalid values and junk. */
  readonly rejections: readonly Rejection[];
}

/**
 * Normalises every identifier of every record, interns the graph values into nodes and marks
 * junk (placeholders and values held by more than `junk.maxRecordsPerValue` records).
 *
 * @param input - records in any order
 * @param config - the run's configuration
 * @param pseudonymise - applied to each normalised value before it becomes a node, when set
 * @param normalisedAhead - results of phones and emails normalised before (normaliseAhead): the
 *   stage's caches start from them and it adds to them; the result is the same without
 */
export function normaliseStage(input: readonly InputRecord[], config: Config, pseudonymise?: Pseudonymise, normalisedAhead?: NormaliseCaches): NormalisedInput {
  const extraJunk = new Set(config.junk.values);
  const records = canonicalRecordOrder(input);
  const recordCount = records.length;
  const rejections: Rejection[] = [];

  // NOTE: maps per identifier type, keyed by the raw and by the graph value as they are: a key
  // built by concatenation is a new string hashed on every lookup, which cost seconds at 1M records.
  const nodesByType = new Map<IdentifierType, Map<string, NodeInProgress>>();
  // Only the costly types are cached (see COSTLY_TYPES).
  const normaliseCaches = new Map<IdentifierType, Map<string, NormaliseResult>>(
    COSTLY_TYPES.map((type) => [type, normalisedAhead?.get(type) ?? new Map<string, NormaliseResult>()]),
  );
  const matchRecords: MatchRecord[] = new Array(recordCount);
  /**
   * The node of a graph value, created on first sight (a placeholder when `normalised`, the value
   * before pseudonymisation, is one; null for values that were checked in an earlier run); null
   * when this record already holds it.
   */
  const nodeFor = (index: number, type: IdentifierType, value: string, normalised: string | null): NodeInProgress | null => {
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
      const value = pseudonymise ? pseudonymise(identifier.type, normalised) : normalised;
      nodeFor(index, identifier.type, value, normalised)?.records.push(index);
    }
    matchRecords[index] = toMatchRecord(index, record, exactSize(emails), exactSize(phones));
  }
  // Emptied, not only dropped: caches given by the caller may still be reachable from there.
  for (const cache of normaliseCaches.values()) cache.clear();
  normaliseCaches.clear();

  // Canonical order (canonical-order.ts): the types in priority order, each type's nodes by value.
  const identifierNodes: IdentifierNode[] = [];
  for (const type of IDENTIFIER_TYPES) {
    const nodes = nodesByType.get(type);
    if (nodes === undefined) continue;
    // NOTE: the values are sorted by the built-in order (UTF-16 code units: compareStrings' order)
    // and their nodes looked up after, rather than the nodes sorted with a comparator: no call into
    // JavaScript per comparison (~20M of them at 1M records; bench/RESULTS.md, "Identifier nodes
    // sorted by their values").
    for (const value of [...nodes.keys()].sort()) {
      const node = nodes.get(value)!;
      node.records = exactSize(node.records);
      identifierNodes.push(node);
    }
  }
  nodesByType.clear();
  const junk = markJunk(identifierNodes, records, config, rejections);
  return { records: records.map(headOf), matchRecords, identifierNodes, junk, rejections };
}

/** Marks values held by implausibly many records as junk (placeholders are marked already); lists every junk value and rejects its uses. */
function markJunk(identifierNodes: readonly IdentifierNode[], records: readonly InputRecord[], config: Config, rejections: Rejection[]): JunkValue[] {
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
  return junk;
}
