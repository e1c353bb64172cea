// Worker thread entry: writes a run's query index from columns while the main thread writes the CSV files.
import { parentPort, workerData } from 'node:worker_threads';
import type { EdgeColumns } from './index-columns.js';
import { writeQueryIndexHere, type IndexWorkerData, type IndexWorkerMessage, type IndexWorkerReply } from './index-writer.js';

const port = parentPort!;
const { stagingDir, members } = workerData as IndexWorkerData;

let edgesArrived: (edges: EdgeColumns) => void;
const edges = new Promise<EdgeColumns>((resolve) => (edgesArrived = resolve));
let runFilesWritten: (outcome: boolean) => void;
const runFiles = new Promise<void>((resolve, reject) => {
  runFilesWritten = (written) => (written ? resolve() : reject(new Error('the run files were not written')));
});
// The main thread stops waiting once a write failed, so a rejection here only ends this thread.
runFiles.catch(() => undefined);
// The edges come first, the signal last: after it, nothing keeps this thread alive once the index is written.
const onMessage = (message: IndexWorkerMessage) => {
  if (typeof message === 'object') return edgesArrived(message.edges);
  port.off('message', onMessage);
  runFilesWritten(message === 'run-files-written');
};
port.on('message', onMessage);

try {
  await writeQueryIndexHere(stagingDir, members, edges, runFiles);
  port.postMessage({ ok: true } satisfies IndexWorkerReply);
} catch (error) {
  port.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) } satisfies IndexWorkerReply);
}
