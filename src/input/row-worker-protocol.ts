// The messages between readRowsInWorker (rows-in-worker.ts) and its worker (row-worker.ts).
import type { RawRow } from './raw-row.js';
import type { RowFormat } from './read-rows.js';

/** What the worker starts with. */
export interface RowWorkerData {
  readonly path: string;
  readonly format: RowFormat;
  readonly maxRecordChars: number;
}

/** An error of the worker's reading, as plain data: rebuilt on the reading thread with its name and code. */
export interface RowWorkerError {
  readonly name: string;
  readonly message: string;
  /** IdgraphError code, or a Node error code (EIO, EISDIR, …). */
  readonly code: string | null;
}

/** A batch of rows with the bytes of the file read so far, the end of the file, or the error that ended the reading. */
export type RowWorkerMessage =
  | { readonly kind: 'rows'; readonly rows: readonly RawRow[]; readonly bytes: number }
  | { readonly kind: 'done'; readonly bytes: number }
  | { readonly kind: 'error'; readonly error: RowWorkerError };

/** The reading thread's acknowledgement of one batch: the worker keeps a bounded number of batches unacknowledged. */
export type RowWorkerAck = 'ack';
