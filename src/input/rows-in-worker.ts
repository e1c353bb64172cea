// Raw rows of a file parsed on a worker thread, so parsing (csv-parse, JSON) overlaps the mapping of rows on this one.
import { IdgraphError, type ErrorCode } from '../errors/index.js';
import { startWorker, workerFailure } from '../threads/start-worker.js';
import type { RawRow } from './raw-row.js';
import type { RowFormat } from './read-rows.js';
import type { RowWorkerAck, RowWorkerData, RowWorkerError, RowWorkerMessage } from './row-worker-protocol.js';

const ROW_WORKER = new URL('./row-worker.js', import.meta.url);

/** The worker's error as the in-thread reader would have thrown it: an IdgraphError, or an Error with its Node code. */
function rebuild(error: RowWorkerError): Error {
  if (error.name === 'IdgraphError' && error.code !== null) return new IdgraphError(error.code as ErrorCode, error.message);
  return Object.assign(new Error(error.message), error.code === null ? {} : { code: error.code });
}

/**
 * Yields what readRows yields for `path`, the parsing done on a worker thread.
 * @param onBytes called with the number of bytes read so far (for progress display)
 * @throws what the in-thread reader throws (IdgraphError INPUT_UNREADABLE, an Error with a Node
 *   code for a failed read), or an Error when the worker itself fails
 */
export async function* readRowsInWorker(
  path: string,
  format: RowFormat,
  maxRecordChars: number,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<readonly RawRow[]> {
  const worker = startWorker(ROW_WORKER, { workerData: { path, format, maxRecordChars } satisfies RowWorkerData });
  const queue: RowWorkerMessage[] = [];
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const arrived = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (message: RowWorkerMessage) => {
    queue.push(message);
    arrived();
  });
  worker.on('error', (error) => {
    failure ??= workerFailure(error, 'the input parsing thread', 'resolve fewer records per run');
    arrived();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`input parsing worker exited with code ${code} before the end of ${path}`);
    arrived();
  });
  try {
    for (;;) {
      const message = queue.shift();
      if (message === undefined) {
        // Messages come before the worker's exit, so a failure counts only once they are all taken.
        if (failure !== null) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (message.kind === 'done') {
        onBytes?.(message.bytes);
        return;
      }
      if (message.kind === 'error') throw rebuild(message.error);
      worker.postMessage('ack' satisfies RowWorkerAck);
      onBytes?.(message.bytes);
      yield message.rows;
    }
  } finally {
    await worker.terminate();
  }
}
