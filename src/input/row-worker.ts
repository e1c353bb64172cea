// Worker thread entry: parses one input file into raw rows (readRows) for the reading thread.
import { parentPort, workerData } from 'node:worker_threads';
import { readRows } from './read-rows.js';
import type { RowWorkerAck, RowWorkerData, RowWorkerMessage } from './row-worker-protocol.js';

/** Batches sent and not yet acknowledged: the reading thread's memory for rows stays bounded. */
const MAX_UNACKNOWLEDGED = 16;

const port = parentPort!;
const { path, format, maxRecordChars } = workerData as RowWorkerData;
let credit = MAX_UNACKNOWLEDGED;
let resume: (() => void) | null = null;
port.on('message', (_ack: RowWorkerAck) => {
  credit++;
  resume?.();
  resume = null;
});
const send = (message: RowWorkerMessage) => port.postMessage(message);

let bytes = 0;
const onBytes = (read: number) => (bytes = read);
try {
  for await (const rows of readRows(path, format, maxRecordChars, onBytes)) {
    if (credit === 0) await new Promise<void>((wake) => (resume = wake));
    credit--;
    send({ kind: 'rows', rows, bytes });
  }
  // The last chunks may end no row: the bytes read are reported once more with the end.
  send({ kind: 'done', bytes });
} catch (error) {
  const { name, message, code } = error as Error & { code?: unknown };
  send({ kind: 'error', error: { name, message, code: typeof code === 'string' ? code : null } });
}
port.close();
