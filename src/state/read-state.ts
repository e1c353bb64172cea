// Reads the state of a previous run (the `--previous` directory) and checks it before anything is resolved.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { errors } from '../errors/index.js';
import { isCustomerId, type CustomerId, type IdHistoryEntry, type PreviousCustomer, type PreviousIds } from '../ids/index.js';
import { recoverRunDirectory } from '../output/atomic-directory.js';
import { RUN_FILES } from '../output/run-files.js';
import { readRunCsv } from './csv-rows.js';
import { readIdHistory } from './history-file.js';
import { STATE_CUSTOMERS_HEADER, STATE_FILES, STATE_FORMAT, STATE_VERSION, type StateManifest } from './state-files.js';
import { decodeStateRecord, type StateRecord } from './state-record.js';

/** Everything a run needs from the run before it. */
export interface PreviousState {
  readonly manifest: StateManifest;
  /** The previous run's records, in file order (canonical), with their customer IDs. */
  readonly records: readonly StateRecord[];
  readonly ids: PreviousIds;
  /** The whole ID history so far (this run appends to it). */
  readonly history: readonly IdHistoryEntry[];
}

async function readJson(path: string, onInvalid: (what: string) => Error, name: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw onInvalid(`${name} ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'is missing' : 'is unreadable'}`);
  }
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw onInvalid(`${name} is not a JSON object`);
}

/**
 * Yields the lines of a gzip NDJSON file with their line numbers.
 * Why not node:readline: at 1M lines its per-line events cost about as much as the JSON parsing;
 * splitting the decoded chunks here is a few lines and about twice as fast.
 * @param onInvalid builds the error for a missing, unreadable or corrupt (also truncated) file
 */
export async function* readNdjsonGz(path: string, onInvalid: (what: string) => Error): AsyncGenerator<[string, number]> {
  const input = createReadStream(path);
  const gunzip = createGunzip();
  // pipe() does not forward a read error (a missing file); the gunzip iterator below then throws it.
  input.on('error', (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let number = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      const text = rest + decoder.write(chunk);
      let start = 0;
      for (let end = text.indexOf('\n', start); end !== -1; end = text.indexOf('\n', start)) {
        number++;
        if (end > start) yield [text.slice(start, end), number];
        start = end + 1;
      }
      rest = text.slice(start);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'ENOENT') throw onInvalid('records file is missing');
    if (code.startsWith('Z_') || code.startsWith('ERR_')) throw onInvalid('records file is not valid gzip');
    throw onInvalid(`records file is unreadable (${code || 'read error'})`);
  } finally {
    input.destroy();
  }
  rest += decoder.end();
  if (rest !== '') yield [rest, number + 1];
}

/**
 * Reads and checks the state of the run directory `dir`.
 * @throws IdgraphError PREVIOUS_STATE_INVALID naming the file and line of the first defect
 */
export async function readPreviousState(dir: string): Promise<PreviousState> {
  const invalid = (what: string) => errors.previousInvalid(dir, what);
  await recoverRunDirectory(dir);
  const run = await readJson(join(dir, RUN_FILES.manifest), invalid, RUN_FILES.manifest);
  if (run['format'] !== 'idgraph-run') throw invalid(`${RUN_FILES.manifest} is not an idgraph run manifest`);
  const manifest = await readJson(join(dir, STATE_FILES.manifest), (what) => invalid(`${what}; was it written by an older idgraph?`), STATE_FILES.manifest);
  if (manifest['format'] !== STATE_FORMAT || manifest['version'] !== STATE_VERSION) {
    throw invalid(`${STATE_FILES.manifest} has an unknown format or version`);
  }
  const stateManifest = manifest as unknown as StateManifest;

  const records: StateRecord[] = [];
  const customerOf = new Map<string, CustomerId>();
  for await (const [line, number] of readNdjsonGz(join(dir, STATE_FILES.records), invalid)) {
    const decoded = decodeStateRecord(line);
    if (typeof decoded === 'string') throw invalid(`${STATE_FILES.records} line ${number}: ${decoded}`);
    const key = `${decoded.record.source}/${decoded.record.recordId}`;
    if (customerOf.has(key)) throw invalid(`${STATE_FILES.records} line ${number}: a record appears twice`);
    customerOf.set(key, decoded.customerId);
    records.push(decoded);
  }
  if (records.length !== stateManifest.records) {
    throw invalid(`${STATE_FILES.records} holds ${records.length} records, ${STATE_FILES.manifest} says ${stateManifest.records}`);
  }

  const customers = new Map<CustomerId, PreviousCustomer>();
  let line = 1;
  for await (const [id = '', firstSeen = '', count = ''] of readRunCsv(join(dir, STATE_FILES.customers), STATE_CUSTOMERS_HEADER, (what) => invalid(`${STATE_FILES.customers}: ${what}`))) {
    line++;
    if (!isCustomerId(id) || firstSeen === '' || !/^\d+$/.test(count)) throw invalid(`${STATE_FILES.customers} line ${line}: not a customer row`);
    customers.set(id, { records: Number(count), firstSeen });
  }
  for (const id of customerOf.values()) {
    if (!customers.has(id)) throw invalid(`${STATE_FILES.customers} lacks a customer that ${STATE_FILES.records} refers to`);
  }

  const history = await readIdHistory(join(dir, RUN_FILES.idHistory), (what) => invalid(`${RUN_FILES.idHistory}: ${what}`));
  // Every ID the history names was issued once: none is issued again to another customer.
  const retired = new Set<string>();
  for (const entry of history) {
    retired.add(entry.oldId);
    if (entry.newId !== null) retired.add(entry.newId);
  }
  return { manifest: stateManifest, records, ids: { customerOf, customers, retired }, history };
}
