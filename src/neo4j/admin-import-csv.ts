// `idgraph export neo4j-csv`: node and relationship files for `neo4j-admin database import full`.
import { randomBytes } from 'node:crypto';
import { readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve as resolvePath } from 'node:path';
import { errors } from '../errors/index.js';
import { openCsvFile, writeDirectoryAtomically, type CsvFileSink } from '../output/index.js';
import {
  customerRows,
  identifierMembershipRows,
  identifierRows,
  linkRows,
  recordMembershipRows,
  recordRows,
  refusedMergeRows,
  refusedSideRows,
} from './graph-rows.js';
import { readRunManifest } from './run-directory.js';


/**
 * The header of every file. neo4j-admin import rules: `<name>:ID(<id space>)` keys a node (and is
 * stored as property <name>), `:LABEL` and `:TYPE` name the label and relationship type,
 * `:START_ID(<id space>)` / `:END_ID(<id space>)` name a relationship's ends, `<name>:<type>` types
 * a property (string when untyped), `string[]` is a list split at `;` (the default
 * --array-delimiter). An empty unquoted field sets no property.
 */
export const ADMIN_IMPORT_HEADERS = {
  identifiers: ['key:ID(Identifier)', 'type', 'value', 'records:int', ':LABEL'],
  records: ['key:ID(Record)', 'record_id', 'source', 'domain', ':LABEL'],
  customers: ['customer_id:ID(Customer)', 'permission_level:int', 'records:int', 'identifiers:int', 'sources:string[]', ':LABEL'],
  refusedMerges: ['key:ID(RefusedMerge)', 'rule', 'detail', 'matcher', 'weight:double', 'from', 'to', 'from_customer', 'to_customer', ':LABEL'],
  linkedToIdentifiers: [':START_ID(Record)', ':END_ID(Identifier)', 'matcher', 'weight:double', 'evidence', ':TYPE'],
  linkedBetweenRecords: [':START_ID(Record)', ':END_ID(Record)', 'matcher', 'weight:double', 'evidence', ':TYPE'],
  identifierBelongsTo: [':START_ID(Identifier)', ':END_ID(Customer)', ':TYPE'],
  recordBelongsTo: [':START_ID(Record)', ':END_ID(Customer)', ':TYPE'],
  refusedFromRecords: [':START_ID(RefusedMerge)', ':END_ID(Record)', ':TYPE'],
  refusedFromIdentifiers: [':START_ID(RefusedMerge)', ':END_ID(Identifier)', ':TYPE'],
  refusedToRecords: [':START_ID(RefusedMerge)', ':END_ID(Record)', ':TYPE'],
  refusedToIdentifiers: [':START_ID(RefusedMerge)', ':END_ID(Identifier)', ':TYPE'],
} as const;

/** The files, in the order the import command lists them. */
export const ADMIN_IMPORT_FILES = {
  identifiers: 'identifiers.csv',
  records: 'records.csv',
  customers: 'customers.csv',
  refusedMerges: 'refused_merges.csv',
  linkedToIdentifiers: 'linked_to_identifiers.csv',
  linkedBetweenRecords: 'linked_between_records.csv',
  identifierBelongsTo: 'identifier_belongs_to.csv',
  recordBelongsTo: 'record_belongs_to.csv',
  refusedFromRecords: 'refused_from_records.csv',
  refusedFromIdentifiers: 'refused_from_identifiers.csv',
  refusedToRecords: 'refused_to_records.csv',
  refusedToIdentifiers: 'refused_to_identifiers.csv',
} as const;

type FileId = keyof typeof ADMIN_IMPORT_FILES;

const NODE_FILES: readonly FileId[] = ['identifiers', 'records', 'customers', 'refusedMerges'];

/** The text file beside the CSV files that holds the import command. */
export const IMPORT_COMMAND_FILE = 'neo4j-admin-import.txt';

export interface AdminImportFile {
  readonly file: string;
  readonly kind: 'nodes' | 'relationships';
  readonly rows: number;
}

export interface AdminImportSummary {
  readonly dir: string;
  readonly database: string;
  readonly files: readonly AdminImportFile[];
  /** The neo4j-admin command, with absolute paths, one option per line. */
  readonly command: string;
}

/**
 * Writes the run in `runDir` as neo4j-admin import files into `toDir` (replaced atomically: a
 * failure leaves an earlier export there intact), plus neo4j-admin-import.txt with the command.
 * Every relationship end is a node of the export: a row that names an unknown node is an error
 * (a junk refusal has no sides: its value never became a node).
 *
 * @param runDir a run directory written by `idgraph resolve`.
 * @param toDir the directory to write; it must not be the run directory or hold it.
 * @param options the database name for the command (default neo4j).
 * @returns the files with their row counts and the command.
 * @throws IdgraphError RUN_DIR_INVALID for a broken run, USAGE for a bad --to (the run directory,
 *   or a directory with files that are not an earlier export).
 */
export async function writeAdminImportCsv(runDir: string, toDir: string, options: { readonly database?: string } = {}): Promise<AdminImportSummary> {
  const database = options.database ?? 'neo4j';
  if (!/^[A-Za-z][A-Za-z0-9.-]{2,62}$/.test(database)) throw errors.usage(`--database ${database}: not a Neo4j database name`);
  const target = resolvePath(toDir);
  const run = resolvePath(runDir);
  if (target === run || isInside(run, target) || isInside(target, run)) {
    throw errors.usage(`--to ${toDir}: must be a directory of its own, neither the run directory nor inside or around it`);
  }
  const manifest = await readRunManifest(runDir);
  const files: AdminImportFile[] = [];
  await replaceExportDirectory(toDir, async (staging) => {
    const sinks = {} as Record<FileId, CsvFileSink>;
    try {
      for (const id of Object.keys(ADMIN_IMPORT_FILES) as FileId[]) sinks[id] = await openCsvFile(join(staging, ADMIN_IMPORT_FILES[id]), ADMIN_IMPORT_HEADERS[id]);
      await writeAll(runDir, manifest.sourceDomains, sinks);
    } finally {
      for (const sink of Object.values(sinks)) await sink.close();
    }
    for (const id of Object.keys(ADMIN_IMPORT_FILES) as FileId[]) {
      files.push({ file: ADMIN_IMPORT_FILES[id], kind: NODE_FILES.includes(id) ? 'nodes' : 'relationships', rows: sinks[id].rows });
    }
    await writeFile(join(staging, IMPORT_COMMAND_FILE), `${importCommand(target, database)}\n`, { flush: true });
  });
  return { dir: toDir, database, files, command: importCommand(target, database) };
}

/**
 * Writes `dir` with `write` through writeDirectoryAtomically. That function guards run
 * directories: it refuses a non-empty directory without run.json, which an earlier import export
 * is. So an earlier export is replaced by writing a fresh sibling atomically and swapping it in
 * with two renames; any other non-empty directory is refused here, naming --to.
 * NOTE: a crash between the two renames leaves the old export beside `dir` under a hidden
 * `.idgraph-neo4j-csv-` name; rerun the export.
 */
async function replaceExportDirectory(dir: string, write: (stagingDir: string) => Promise<void>): Promise<void> {
  const target = resolvePath(dir);
  const entries = await readdir(target).catch(() => null);
  if (entries === null || entries.length === 0) {
    const isFile = await stat(target).then((info) => !info.isDirectory(), () => false);
    if (isFile) throw errors.usage(`--to ${dir}: a file of that name exists; choose another --to`);
    await writeDirectoryAtomically(dir, write);
    return;
  }
  const ours = new Set<string>([...Object.values(ADMIN_IMPORT_FILES), IMPORT_COMMAND_FILE]);
  if (!entries.every((entry) => ours.has(entry))) {
    throw errors.usage(`--to ${dir}: a directory with other files than an earlier neo4j-csv export; choose another --to or empty it (it is replaced)`);
  }
  const fresh = join(dirname(target), `.idgraph-neo4j-csv-${basename(target)}-${process.pid}-${randomBytes(4).toString('hex')}`);
  await writeDirectoryAtomically(fresh, write);
  const retired = `${fresh}-retired`;
  try {
    await rename(target, retired);
    await rename(fresh, target);
  } catch (error) {
    await rename(retired, target).catch(() => undefined);
    await rm(fresh, { recursive: true, force: true });
    throw errors.outputNotWritable(dir, (error as NodeJS.ErrnoException).code ?? 'cannot rename');
  }
  await rm(retired, { recursive: true, force: true });
}

/** Streams every run file into the sinks; node keys are remembered to check relationship ends. */
async function writeAll(runDir: string, sourceDomains: Readonly<Record<string, string>>, sinks: Record<FileId, CsvFileSink>): Promise<void> {
  // NOTE: the key sets cost memory in proportion to the run (about 100 bytes a node); they
  // buy the guarantee that neo4j-admin never meets a relationship to a missing node.
  const identifiers = new Set<string>();
  const records = new Set<string>();
  const customers = new Set<string>();
  for await (const row of identifierRows(runDir)) {
    identifiers.add(row.key);
    await sinks.identifiers.write([row.key, row.type, row.value, row.records, 'Identifier']);
  }
  for await (const row of recordRows(runDir, sourceDomains)) {
    records.add(row.key);
    await sinks.records.write([row.key, row.record_id, row.source, row.domain, 'Record']);
  }
  for await (const row of customerRows(runDir)) {
    customers.add(row.customer_id);
    await sinks.customers.write([row.customer_id, row.permission_level, row.records, row.identifiers, row.sources.join(';'), 'Customer']);
  }
  const need = (set: Set<string>, key: string, what: string) => {
    if (!set.has(key)) throw errors.runDirInvalid(runDir, `${what} names a node the run does not hold`);
  };
  for await (const row of identifierMembershipRows(runDir)) {
    need(identifiers, row.key, 'identifiers.csv');
    need(customers, row.customer_id, 'identifiers.csv');
    await sinks.identifierBelongsTo.write([row.key, row.customer_id, 'BELONGS_TO']);
  }
  for await (const row of recordMembershipRows(runDir)) {
    need(customers, row.customer_id, 'records.csv');
    await sinks.recordBelongsTo.write([row.key, row.customer_id, 'BELONGS_TO']);
  }
  for await (const row of linkRows(runDir, 'identifier')) {
    need(records, row.from, 'links.csv');
    need(identifiers, row.to, 'links.csv');
    await sinks.linkedToIdentifiers.write([row.from, row.to, row.matcher, row.weight, row.evidence, 'LINKED']);
  }
  for await (const row of linkRows(runDir, 'record')) {
    need(records, row.from, 'links.csv');
    need(records, row.to, 'links.csv');
    await sinks.linkedBetweenRecords.write([row.from, row.to, row.matcher, row.weight, row.evidence, 'LINKED']);
  }
  for await (const row of refusedMergeRows(runDir)) {
    await sinks.refusedMerges.write([row.key, row.rule, row.detail, row.matcher, row.weight, row.from, row.to, row.from_customer, row.to_customer, 'RefusedMerge']);
  }
  const sides = [
    ['from', 'record', sinks.refusedFromRecords, records, 'REFUSED_FROM'],
    ['from', 'identifier', sinks.refusedFromIdentifiers, identifiers, 'REFUSED_FROM'],
    ['to', 'record', sinks.refusedToRecords, records, 'REFUSED_TO'],
    ['to', 'identifier', sinks.refusedToIdentifiers, identifiers, 'REFUSED_TO'],
  ] as const;
  for (const [side, kind, sink, nodes, type] of sides) {
    for await (const row of refusedSideRows(runDir, side, kind)) {
      need(nodes, row.ref, 'refused.csv');
      await sink.write([row.key, row.ref, type]);
    }
  }
}

/**
 * The neo4j-admin command for the files in `dir`. --multiline-fields because evidence and detail
 * may hold line breaks; --overwrite-destination because a fresh Neo4j already has an empty
 * `neo4j` database.
 */
export function importCommand(dir: string, database: string): string {
  const path = (id: FileId) => shellQuote(join(dir, ADMIN_IMPORT_FILES[id]));
  const lines = [
    'neo4j-admin database import full',
    ...NODE_FILES.map((id) => `--nodes=${path(id)}`),
    ...(Object.keys(ADMIN_IMPORT_FILES) as FileId[]).filter((id) => !NODE_FILES.includes(id)).map((id) => `--relationships=${path(id)}`),
    '--multiline-fields=true',
    '--overwrite-destination=true',
    database,
  ];
  return lines.join(' \\\n  ');
}

/** Single-quotes a path for a POSIX shell when it holds anything but safe characters. */
function shellQuote(path: string): string {
  return /^[A-Za-z0-9_./:=+-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`;
}

function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
