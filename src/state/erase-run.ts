// Erases a person from a run directory: outputs, state and query index, in one atomic rewrite.
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { errors } from '../errors/index.js';
import { isCustomerId, type CustomerId, type IdHistoryEntry } from '../ids/index.js';
import { writeDirectoryAtomically } from '../output/atomic-directory.js';
import { writeCsv } from '../output/csv-file.js';
import { renderReportText, type RunReport } from '../output/report.js';
import { HEADERS, RUN_FILES } from '../output/run-files.js';
import { carriesIdentifier, erasureOf, isErasedRef, type ErasureSet, type ForgetRunSettings, type ForgetTarget } from '../privacy/forget.js';
import { readRunCsv } from './csv-rows.js';
import { filterCsv } from './filter-csv.js';
import { historyRow, readIdHistory } from './history-file.js';
import { readNdjsonGz } from './read-state.js';
import { STATE_CUSTOMERS_HEADER, STATE_DIR, STATE_FILES, type StateManifest } from './state-files.js';
import { decodeStateRecord } from './state-record.js';
import { writeNdjsonGz } from './write-state.js';

/** What one erasure removed, as counts (never values). */
export interface ErasureCounts {
  readonly customers: number;
  readonly records: number;
  readonly identifiers: number;
  readonly links: number;
  readonly refused: number;
  readonly rejected: number;
  readonly stateRecords: number;
}

export interface EraseOptions {
  /** ISO 8601 time written into the `erased` history rows. */
  readonly at: string;
  /** How the run normalised and pseudonymised identifiers (to find the records carrying one). */
  readonly settings: ForgetRunSettings;
  /** Rebuilds the query index in the staging directory once its CSV files are final. */
  readonly rewriteIndex?: (stagingDir: string) => Promise<void>;
}

/** Files and folders this module rewrites; everything else in the run directory is copied. */
const REWRITTEN = new Set<string>([
  RUN_FILES.manifest, RUN_FILES.records, RUN_FILES.identifiers, RUN_FILES.customers, RUN_FILES.links,
  RUN_FILES.refused, RUN_FILES.rejected, RUN_FILES.idHistory, RUN_FILES.reportJson, RUN_FILES.reportText,
  STATE_DIR, 'index', 'pictures', 'report.html',
]);

async function readJsonFile(dir: string, file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(join(dir, file), 'utf8');
  } catch {
    throw errors.runDirInvalid(dir, `no ${file}`);
  }
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw errors.runDirInvalid(dir, `${file} is not a JSON object`);
}

/** The customers `target` names in the run `dir` (empty when none). */
async function targetCustomers(dir: string, target: ForgetTarget, settings: ForgetRunSettings): Promise<Set<string>> {
  const invalid = (what: string) => errors.runDirInvalid(dir, what);
  const customers = new Set<string>();
  if (target.kind === 'customer') {
    for await (const [id] of readRunCsv(join(dir, STATE_FILES.customers), STATE_CUSTOMERS_HEADER, (what) => invalid(`${STATE_FILES.customers}: ${what}`))) {
      if (id === target.id) customers.add(id);
    }
    return customers;
  }
  const report = await readJsonFile(dir, RUN_FILES.reportJson);
  const junk = Array.isArray(report['junk']) ? (report['junk'] as { key?: unknown }[]) : [];
  if (junk.some((value) => value.key === target.key)) {
    throw errors.usage(`${target.type}: that value is a junk value (a placeholder, or shared by too many records) and names no one person; forget the customer IDs instead (nothing was erased)`);
  }
  const [type, value] = [target.type as string, target.key.slice(target.type.length + 1)];
  for await (const row of readRunCsv(join(dir, RUN_FILES.identifiers), HEADERS.identifiers, (what) => invalid(`${RUN_FILES.identifiers}: ${what}`))) {
    if (row[0] === type && row[1] === value && row[2] !== undefined && row[2] !== '') customers.add(row[2]);
  }
  // Records that carry the value belong to the person even where consent kept them apart.
  const carries = carriesIdentifier(target, settings);
  for await (const [line, number] of readNdjsonGz(join(dir, STATE_FILES.records), (what) => invalid(`${STATE_FILES.records}: ${what}`))) {
    const decoded = decodeStateRecord(line);
    if (typeof decoded === 'string') throw invalid(`${STATE_FILES.records} line ${number}: ${decoded}`);
    if (carries(decoded.record.identifiers)) customers.add(decoded.customerId);
  }
  return customers;
}

/** The one-line error when a customer ID names nobody in the run (a retired ID says where it went). */
async function customerNotFound(dir: string, id: CustomerId): Promise<Error> {
  const history = await readIdHistory(join(dir, RUN_FILES.idHistory), (what) => errors.runDirInvalid(dir, `${RUN_FILES.idHistory}: ${what}`));
  const rows = history.filter((entry) => entry.oldId === id);
  if (rows.some((entry) => entry.event === 'erased')) return errors.notFound(`${id}: already erased (see id_history.csv); nothing was erased`);
  const merged = rows.filter((entry) => entry.event === 'merged');
  if (merged.length > 0) {
    return errors.notFound(`${id}: a retired ID, merged into ${merged[merged.length - 1]!.newId} (id_history.csv); forget that customer ID (nothing was erased)`);
  }
  return errors.notFound(`${id}: no such customer in ${dir}; nothing was erased`);
}

/**
 * Filters state/records.ndjson.gz into the staging directory, collecting what the erased records
 * were (keys, record IDs, file lines) for the other files.
 */
async function eraseState(dir: string, staging: string, erasure: ErasureSet): Promise<number> {
  const invalid = (what: string) => errors.runDirInvalid(dir, `${STATE_FILES.records}: ${what}`);
  let kept = 0;
  async function* keptLines(): AsyncGenerator<string> {
    for await (const [line, number] of readNdjsonGz(join(dir, STATE_FILES.records), invalid)) {
      const decoded = decodeStateRecord(line);
      if (typeof decoded === 'string') throw invalid(`line ${number}: ${decoded}`);
      if (erasure.customers.has(decoded.customerId)) {
        const { record } = decoded;
        erasure.recordKeys.add(`${record.source}/${record.recordId}`);
        erasure.recordIds.add(record.recordId);
        erasure.fileLines.add(`${record.file}\u0000${record.line}`);
        continue;
      }
      kept++;
      yield line;
    }
  }
  await writeNdjsonGz(join(staging, STATE_FILES.records), keptLines());
  const customers = await filterCsv(
    join(dir, STATE_FILES.customers), join(staging, STATE_FILES.customers), STATE_CUSTOMERS_HEADER,
    ([id]) => !erasure.customers.has(id ?? ''), (what) => errors.runDirInvalid(dir, `${STATE_FILES.customers}: ${what}`),
  );
  const manifest = (await readJsonFile(dir, STATE_FILES.manifest)) as unknown as StateManifest;
  await writeFile(join(staging, STATE_FILES.manifest), `${JSON.stringify({ ...manifest, records: kept, customers: customers.kept }, null, 2)}\n`, { flush: true });
  return erasure.recordKeys.size;
}

/** Copies report.html, pictures/ and unknown files, leaving out or blanking what names an erased customer. */
async function copyOthers(dir: string, staging: string, erasure: ErasureSet): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!REWRITTEN.has(entry.name)) await cp(join(dir, entry.name), join(staging, entry.name), { recursive: true });
  }
  const html = await readFile(join(dir, 'report.html'), 'utf8').catch(() => null);
  if (html !== null) {
    let blanked = html;
    for (const id of erasure.customers) blanked = blanked.split(id).join('(erased)');
    await writeFile(join(staging, 'report.html'), blanked, { flush: true });
  }
  // A picture shows a customer's identifiers and records, and the refused merges around it.
  const pictures = await readdir(join(dir, 'pictures')).catch(() => [] as string[]);
  const refs = [...erasure.customers, ...erasure.recordKeys, ...[...erasure.identifierKeys].map((key) => key.slice(key.indexOf(':') + 1))];
  if (pictures.length > 0) await mkdir(join(staging, 'pictures'));
  for (const name of pictures) {
    const text = await readFile(join(dir, 'pictures', name), 'utf8');
    if (refs.some((ref) => name.includes(ref) || text.includes(ref))) continue;
    await cp(join(dir, 'pictures', name), join(staging, 'pictures', name));
  }
}

/**
 * Erases the customers `target` names from the run directory `dir`: their rows in records.csv,
 * identifiers.csv, customers.csv, links.csv, refused.csv and rejected.csv, their records in the
 * state (so a later --previous run does not bring them back), their pictures, and the query
 * index; appends one `erased` row per customer to id_history.csv. A customer ID names that
 * customer; `type:value` names the customer holding the value and every customer with a record
 * carrying it. All files are rewritten into a staging directory and swapped in atomically.
 * NOTE: the same records in a later input file come back: that is new data, resolved anew.
 * @returns the counts of what was erased
 * @throws IdgraphError NOT_FOUND when the target names no customer (nothing is written);
 *   USAGE for a junk value; RUN_DIR_INVALID when `dir` is not a complete run with state
 */
export async function eraseFromRun(dir: string, target: ForgetTarget, options: EraseOptions): Promise<ErasureCounts> {
  await readJsonFile(dir, STATE_FILES.manifest);
  const customers = await targetCustomers(dir, target, options.settings);
  if (customers.size === 0) {
    throw target.kind === 'customer'
      ? await customerNotFound(dir, target.id)
      : errors.notFound(`${target.type}: no customer of ${dir} holds that value; nothing was erased`);
  }
  const erasure = erasureOf(customers);
  const counts = { customers: customers.size, records: 0, identifiers: 0, links: 0, refused: 0, rejected: 0, stateRecords: 0 };
  const invalid = (file: string) => (what: string) => errors.runDirInvalid(dir, `${file}: ${what}`);

  await writeDirectoryAtomically(dir, async (staging) => {
    const filter = (file: string, header: readonly string[], keep: (row: readonly string[]) => boolean) =>
      filterCsv(join(dir, file), join(staging, file), header, keep, invalid(file));
    await mkdir(join(staging, STATE_DIR));
    counts.stateRecords = await eraseState(dir, staging, erasure);
    const targetKey = target.kind === 'identifier' ? target.key : null;
    counts.identifiers = (
      await filter(RUN_FILES.identifiers, HEADERS.identifiers, ([type = '', value = '', customer = '']) => {
        const key = `${type}:${value}`;
        if (!customers.has(customer) && key !== targetKey) return true;
        erasure.identifierKeys.add(key);
        return false;
      })
    ).dropped;
    if (targetKey !== null) erasure.identifierKeys.add(targetKey);
    counts.records = (await filter(RUN_FILES.records, HEADERS.records, ([, , customer = '']) => !customers.has(customer))).dropped;
    await filter(RUN_FILES.customers, HEADERS.customers, ([id = '']) => !customers.has(id));
    counts.links = (await filter(RUN_FILES.links, HEADERS.links, ([from = '', to = '']) => !isErasedRef(erasure, from) && !isErasedRef(erasure, to))).dropped;
    counts.refused = (
      await filter(RUN_FILES.refused, HEADERS.refused, (row) =>
        !isErasedRef(erasure, row[0] ?? '') && !isErasedRef(erasure, row[1] ?? '') && !customers.has(row[6] ?? '') && !customers.has(row[7] ?? ''),
      )
    ).dropped;
    counts.rejected = (
      await filter(RUN_FILES.rejected, HEADERS.rejected, ([file = '', line = '', recordId = '', level = '']) =>
        level === 'row' ? !erasure.recordIds.has(recordId) : !erasure.fileLines.has(`${file}\u0000${line}`),
      )
    ).dropped;

    const history = await readIdHistory(join(dir, RUN_FILES.idHistory), invalid(RUN_FILES.idHistory));
    const erased: IdHistoryEntry[] = [...customers].sort().filter(isCustomerId).map((oldId) => ({ oldId, newId: null, event: 'erased', at: options.at }));
    const rows = [...history, ...erased].map(historyRow);
    await writeCsv(join(staging, RUN_FILES.idHistory), HEADERS.idHistory, rows.map((h) => [h.oldId, h.newId, h.event, h.at]));

    const report = (await readJsonFile(dir, RUN_FILES.reportJson)) as unknown as RunReport;
    const scrubbed: RunReport = {
      ...report,
      largestCustomers: (report.largestCustomers ?? []).filter((entry) => !customers.has(entry.customerId)),
      junk: (report.junk ?? []).filter((value) => !erasure.identifierKeys.has(value.key)),
    };
    await writeFile(join(staging, RUN_FILES.reportJson), `${JSON.stringify(scrubbed, null, 2)}\n`, { flush: true });
    await writeFile(join(staging, RUN_FILES.reportText), `${renderReportText(scrubbed)}\n`, { flush: true });
    await copyOthers(dir, staging, erasure);
    if (options.rewriteIndex !== undefined) await options.rewriteIndex(staging);
    // run.json last, as writeRun does.
    await cp(join(dir, RUN_FILES.manifest), join(staging, RUN_FILES.manifest));
  });
  return counts;
}
