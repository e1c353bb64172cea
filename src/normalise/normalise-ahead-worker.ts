// Worker thread entry: normalises the phones and emails it is given (normalise-ahead.ts) and replies once.
import { parentPort, workerData } from 'node:worker_threads';
import { normaliseColumn, perCostlyType, type AheadWorkerData, type AheadWorkerReply } from './normalise-ahead.js';

const port = parentPort!;
const data = workerData as AheadWorkerData;
let reply: AheadWorkerReply;
try {
  reply = { ok: true, columns: perCostlyType((type) => normaliseColumn(type, data.raws[type], data.defaultRegion)) };
} catch (error) {
  reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
}
port.postMessage(reply);
port.close();
