// Streams a run directory's CSV files as the rows of the graph model (nodes and relationships).
//
// The model, shared by the driver export (load statements in graph/load/) and the neo4j-admin
// import files (admin-import-csv.ts):
//   (:Identifier {key, type, value, records})     one per row of identifiers.csv
//   (:Record {key, record_id, source, domain})    one per row of records.csv (domain from run.json)
//   (:Customer {customer_id, permission_level, records, identifiers, sources})
//   (:RefusedMerge {key, rule, detail, matcher, weight, from, to, from_customer, to_customer})
//   (:Record)-[:LINKED {matcher, weight, evidence}]->(:Identifier|:Record)   one per row of links.csv
//   (:Record|:Identifier)-[:BELONGS_TO]->(:Customer)
//   (:RefusedMerge)-[:REFUSED_FROM|REFUSED_TO]->(:Record|:Identifier)       the sides that are nodes
// Node keys are the references links.csv and refused.csv use: `record:<source>/<record_id>` for
// a record, `<type>:<value>` for an identifier.
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { errors } from '../errors/index.js';
import { RUN_FILES } from '../output/index.js';

export interface IdentifierRow {
  readonly key: string;
  readonly type: string;
  readonly value: string;
  readonly records: number;
}

export interface RecordRow {
  readonly key: string;
  readonly record_id: string;
  readonly source: string;
  /** Null when records.csv has no domain column. */
  readonly domain: string | null;
}

export interface CustomerRow {
  readonly customer_id: string;
  readonly permission_level: number;
  readonly records: number;
  readonly identifiers: number;
  readonly sources: readonly string[];
}

/** A (:Record|:Identifier)-[:BELONGS_TO]->(:Customer) relationship. */
export interface MembershipRow {
  readonly key: string;
  readonly customer_id: string;
}

/** A LINKED relationship; `from` is always a record. */
export interface LinkRow {
  readonly from: string;
  readonly to: string;
  readonly matcher: string;
  readonly weight: number;
  readonly evidence: string;
}

export interface RefusedMergeRow {
  /** `<from>|<to>|<matcher>|<rule>`: unique per refused merge, stable across exports of one run. */
  readonly key: string;
  readonly rule: string;
  readonly detail: string;
  readonly matcher: string;
  readonly weight: number;
  readonly from: string;
  /** Null for a junk refusal, which has one side only. */
  readonly to: string | null;
  readonly from_customer: string | null;
  readonly to_customer: string | null;
}

/** A (:RefusedMerge)-[:REFUSED_FROM|REFUSED_TO]->(side) relationship. */
export interface RefusedSideRow {
  /** The RefusedMerge key. */
  readonly key: string;
  /** The side's node key. */
  readonly ref: string;
}

/** Which kind of node a reference of links.csv / refused.csv names. */
export type NodeKind = 'record' | 'identifier';

const RECORD_PREFIX = 'record:';

/** `record:<source>/<record_id>` → record; anything else is an identifier key `<type>:<value>`. */
export function nodeKindOf(ref: string): NodeKind {
  return ref.startsWith(RECORD_PREFIX) ? 'record' : 'identifier';
}

/** The node key of a record, as links.csv writes it. */
export function recordKey(source: string, recordId: string): string {
  return `${RECORD_PREFIX}${source}/${recordId}`;
}

/** One data row of a run CSV file: the cells of the requested columns, in the order requested. */
interface CsvRow {
  /** 1-based line, counting the header as line 1 (a quoted line break inside a field is not counted). */
  readonly line: number;
  readonly cells: readonly string[];
}

/**
 * Streams the rows of one run CSV file with the cells of `required` then `optional` columns
 * (an absent optional column reads as empty), whatever the column order in the file.
 * @throws IdgraphError RUN_DIR_INVALID when the file is missing, not CSV, or lacks a required column.
 */
async function* readRunCsv(dir: string, file: string, required: readonly string[], optional: readonly string[] = []): AsyncGenerator<CsvRow> {
  // NOTE: csv-parse's `info` option would give exact line numbers but triples the parse time.
  const parser = parse({ bom: true });
  const input = createReadStream(join(dir, file));
  // pipe() does not forward a read error (a missing file): without this the loop would wait forever.
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  let positions: number[] | null = null;
  let line = 1;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (positions === null) {
        const missing = required.filter((name) => !record.includes(name));
        if (missing.length > 0) throw errors.runDirInvalid(dir, `${file} has no column ${missing.join(', ')}`);
        positions = [...required, ...optional].map((name) => record.indexOf(name));
        continue;
      }
      line++;
      yield { line, cells: positions.map((position) => (position === -1 ? '' : (record[position] ?? ''))) };
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw errors.runDirInvalid(dir, `${file} is missing`);
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('CSV_')) throw errors.runDirInvalid(dir, `${file}:${line + 1}: not valid CSV`);
    throw error;
  }
  if (positions === null) throw errors.runDirInvalid(dir, `${file} is empty`);
}

function wholeNumber(dir: string, file: string, line: number, column: string, text: string): number {
  const value = Number(text);
  if (text === '' || !Number.isSafeInteger(value)) throw errors.runDirInvalid(dir, `${file}:${line}: ${column} is not a whole number`);
  return value;
}

function decimal(dir: string, file: string, line: number, column: string, text: string): number {
  const value = Number(text);
  if (text === '' || !Number.isFinite(value)) throw errors.runDirInvalid(dir, `${file}:${line}: ${column} is not a number`);
  return value;
}

const orNull = (text: string): string | null => (text === '' ? null : text);

/** identifiers.csv → one IdentifierRow per identifier. */
export async function* identifierRows(dir: string): AsyncGenerator<IdentifierRow> {
  const file = RUN_FILES.identifiers;
  for await (const { line, cells } of readRunCsv(dir, file, ['type', 'value', 'records'])) {
    const [type, value, records] = cells as [string, string, string];
    yield { key: `${type}:${value}`, type, value, records: wholeNumber(dir, file, line, 'records', records) };
  }
}

/** identifiers.csv → the BELONGS_TO of every identifier that has a customer. */
export async function* identifierMembershipRows(dir: string): AsyncGenerator<MembershipRow> {
  for await (const { cells } of readRunCsv(dir, RUN_FILES.identifiers, ['type', 'value', 'customer_id'])) {
    const [type, value, customerId] = cells as [string, string, string];
    if (customerId !== '') yield { key: `${type}:${value}`, customer_id: customerId };
  }
}

/**
 * records.csv → one RecordRow per record. The domain comes from a `domain` column when the file
 * has one, else from `sourceDomains` (run.json's, which the caller has read), else it is null.
 */
export async function* recordRows(dir: string, sourceDomains: Readonly<Record<string, string>> = {}): AsyncGenerator<RecordRow> {
  for await (const { cells } of readRunCsv(dir, RUN_FILES.records, ['record_id', 'source'], ['domain'])) {
    const [recordId, source, domain] = cells as [string, string, string];
    const fromManifest = Object.hasOwn(sourceDomains, source) ? sourceDomains[source]! : null;
    yield { key: recordKey(source, recordId), record_id: recordId, source, domain: orNull(domain) ?? fromManifest };
  }
}

/** records.csv → the BELONGS_TO of every record. */
export async function* recordMembershipRows(dir: string): AsyncGenerator<MembershipRow> {
  const file = RUN_FILES.records;
  for await (const { line, cells } of readRunCsv(dir, file, ['record_id', 'source', 'customer_id'])) {
    const [recordId, source, customerId] = cells as [string, string, string];
    if (customerId === '') throw errors.runDirInvalid(dir, `${file}:${line}: customer_id is empty`);
    yield { key: recordKey(source, recordId), customer_id: customerId };
  }
}

/** customers.csv → one CustomerRow per customer; `sources` split at `;`. */
export async function* customerRows(dir: string): AsyncGenerator<CustomerRow> {
  const file = RUN_FILES.customers;
  for await (const { line, cells } of readRunCsv(dir, file, ['customer_id', 'permission_level', 'records', 'identifiers', 'sources'])) {
    const [customerId, level, records, identifiers, sources] = cells as [string, string, string, string, string];
    yield {
      customer_id: customerId,
      permission_level: wholeNumber(dir, file, line, 'permission_level', level),
      records: wholeNumber(dir, file, line, 'records', records),
      identifiers: wholeNumber(dir, file, line, 'identifiers', identifiers),
      sources: sources === '' ? [] : sources.split(';'),
    };
  }
}

/**
 * links.csv → the links whose far end is of kind `to` (an identifier: deterministic matchers; a
 * record: fuzzy matchers), oriented record first.
 * @throws IdgraphError RUN_DIR_INVALID for a link between two identifiers (idgraph writes none).
 */
export async function* linkRows(dir: string, to: NodeKind): AsyncGenerator<LinkRow> {
  const file = RUN_FILES.links;
  for await (const { line, cells } of readRunCsv(dir, file, ['from', 'to', 'matcher', 'weight', 'evidence'])) {
    let [from, end] = cells as [string, string];
    const [, , matcher, weight, evidence] = cells as [string, string, string, string, string];
    if (nodeKindOf(from) === 'identifier') [from, end] = [end, from];
    if (nodeKindOf(from) === 'identifier') throw errors.runDirInvalid(dir, `${file}:${line}: a link between two identifiers`);
    if (nodeKindOf(end) !== to) continue;
    yield { from, to: end, matcher, weight: decimal(dir, file, line, 'weight', weight), evidence };
  }
}

/** refused.csv → one RefusedMergeRow per refused merge. */
export async function* refusedMergeRows(dir: string): AsyncGenerator<RefusedMergeRow> {
  const file = RUN_FILES.refused;
  const columns = ['from', 'to', 'rule', 'detail', 'matcher', 'weight', 'from_customer', 'to_customer'];
  for await (const { line, cells } of readRunCsv(dir, file, columns)) {
    const [from, to, rule, detail, matcher, weight, fromCustomer, toCustomer] = cells as [string, string, string, string, string, string, string, string];
    yield {
      key: `${from}|${to}|${matcher}|${rule}`,
      rule,
      detail,
      matcher,
      weight: decimal(dir, file, line, 'weight', weight),
      from,
      to: orNull(to),
      from_customer: orNull(fromCustomer),
      to_customer: orNull(toCustomer),
    };
  }
}

/**
 * refused.csv → the `side` ends of refused merges that are nodes of kind `kind`. Junk refusals
 * are skipped: their one side is a junk value, which never becomes a node.
 */
export async function* refusedSideRows(dir: string, side: 'from' | 'to', kind: NodeKind): AsyncGenerator<RefusedSideRow> {
  for await (const row of refusedMergeRows(dir)) {
    const ref = side === 'from' ? row.from : row.to;
    if (ref === null || row.rule === 'junk' || nodeKindOf(ref) !== kind) continue;
    yield { key: row.key, ref };
  }
}
