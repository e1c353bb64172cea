// Worker thread entry: normalises the phones and emails it is given (normalise-ahead.ts) and replies once.
import { parentPort, workerData } from 'node:worker_threads';
import { normaliseColumn, type AheadWorkerData, type AheadWorkerReply } from './normalise-ahead.js';

const port = parentPort!;
const data = workerData as AheadWorkerData;
let reply: AheadWorkerReply;
try {
  reply = {
    ok: true,
    columns: { phone: normaliseColumn('phone', data.raws.phone, data.defaultRegion), email: normaliseColumn('email', data.raws.email, data.defaultRegion) },
  };
} catch (error) {
  reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
}
port.postMessage(reply);
port.close();
