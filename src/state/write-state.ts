// Writes a run's state/ directory: the records in canonical form with their IDs, and the customers' ages.
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { createGzip, constants as zlib } from 'node:zlib';
import { byCustomerId, type CustomerId } from '../ids/index.js';
import { TEXT_CHUNK_CHARS, writeCsv } from '../output/csv-file.js';
import { STATE_CUSTOMERS_HEADER, STATE_DIR, STATE_FILES, STATE_FORMAT, STATE_VERSION, type StateManifest } from './state-files.js';

export interface StateContents {
  readonly createdAt: string;
  /** Every record of the run (carried and new) as its state line (encodeStateRecord), in blocks (a StateDraft's, or lineBlock's). */
  readonly blocks: Iterable<LineBlock>;
  /** Every customer of the run with its record count and first-seen time. */
  readonly customers: readonly { readonly id: CustomerId; readonly records: number; readonly firstSeen: string }[];
  readonly pseudonymised: boolean;
  readonly keyCheck: string | null;
}

/** A block of whole NDJSON lines as UTF-8 bytes, each line ending in a line break. */
export interface LineBlock {
  readonly bytes: Buffer;
  readonly lines: number;
}

/** gzip's output buffer: at its default of 16 KB, each piece of output waited for this thread (~5,000 times for a 1M-record state). */
const GZIP_CHUNK = 1 << 20;

/**
 * Streams blocks of bytes or text through gzip into `path`, with back-pressure, and waits until it is on disk.
 * NOTE: gzip level 1: the state of a 1M-record run shrinks about 6× for a little CPU; higher
 * levels cost seconds for a few percent.
 */
async function writeGzipped(path: string, blocks: Iterable<Buffer | string> | AsyncIterable<Buffer | string>): Promise<void> {
  const file = createWriteStream(path, { flush: true });
  const gzip = createGzip({ level: 1, memLevel: 9, strategy: zlib.Z_DEFAULT_STRATEGY, chunkSize: GZIP_CHUNK });
  gzip.pipe(file);
  for await (const block of blocks) {
    if (!gzip.write(block)) await once(gzip, 'drain');
  }
  gzip.end();
  await once(file, 'finish');
}

/** Streams NDJSON lines through gzip into `path` (see writeGzipped). */
export async function writeNdjsonGz(path: string, lines: Iterable<string> | AsyncIterable<string>): Promise<void> {
  async function* texts(): AsyncIterable<string> {
    let text = '';
    for await (const line of lines) {
      text += `${line}\n`;
      if (text.length >= TEXT_CHUNK_CHARS) {
        yield text;
        text = '';
      }
    }
    if (text !== '') yield text;
  }
  await writeGzipped(path, texts());
}

/** `lines` as one block (each gets its line break). */
export const lineBlock = (lines: readonly string[]): LineBlock => ({ bytes: Buffer.from(lines.map((line) => `${line}\n`).join('')), lines: lines.length });

type StateCustomer = StateContents['customers'][number];

/**
 * state/customers.csv's rows in customer ID order, made one at a time.
 * NOTE: a run's customers already come in ID order (remapCustomerIds sorts them), so they are
 * only copied and sorted when they are not: at 10M records a copy and a row array per customer
 * held ~6M objects more while the run's last files were written.
 */
function* customerRows(customers: readonly StateCustomer[]): Iterable<readonly [string, string, number]> {
  const inOrder = customers.every((customer, index) => index === 0 || byCustomerId(customers[index - 1]!, customer) < 0);
  for (const c of inOrder ? customers : [...customers].sort(byCustomerId)) yield [c.id, c.firstSeen, c.records];
}

/**
 * Writes `state/` into a run's staging directory (a hook for writeRun's extraWriters).
 * @param runDir the staging directory of the run
 * @param contents records, customers and flags of the run
 * @returns the number of records written
 */
export async function writeState(runDir: string, contents: StateContents): Promise<number> {
  await mkdir(join(runDir, STATE_DIR), { recursive: true });
  let records = 0;
  function* counted(): Iterable<Buffer> {
    for (const block of contents.blocks) {
      records += block.lines;
      yield block.bytes;
    }
  }
  await writeGzipped(join(runDir, STATE_FILES.records), counted());
  await writeCsv(join(runDir, STATE_FILES.customers), STATE_CUSTOMERS_HEADER, customerRows(contents.customers));
  const manifest: StateManifest = {
    format: STATE_FORMAT,
    version: STATE_VERSION,
    createdAt: contents.createdAt,
    records,
    customers: contents.customers.length,
    pseudonymised: contents.pseudonymised,
    keyCheck: contents.keyCheck,
  };
  await writeFile(join(runDir, STATE_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`, { flush: true });
  return records;
}
