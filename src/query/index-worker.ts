// Worker thread entry: writes a run's query index from columns while the main thread writes the CSV files.
import { parentPort, workerData } from 'node:worker_threads';
import { fromIndexColumns } from './index-columns.js';
import { writeQueryIndexHere, type IndexWorkerData, type IndexWorkerReply, type IndexWorkerSignal } from './index-writer.js';

const port = parentPort!;
const data = workerData as { stagingDir: string; columns: IndexWorkerData['columns'] | null };
const { stagingDir } = data;
const source = fromIndexColumns(data.columns!);
// The rows hold the same strings; the column arrays are freed (hundreds of MB at 1M records).
data.columns = null;
const runFilesWritten = new Promise<void>((resolve, reject) => {
  port.once('message', (signal: IndexWorkerSignal) => {
    if (signal === 'run-files-written') resolve();
    else reject(new Error('the run files were not written'));
  });
});
// The main thread stops waiting once a write failed, so a rejection here only ends this thread.
runFilesWritten.catch(() => undefined);

try {
  await writeQueryIndexHere(stagingDir, source, runFilesWritten);
  port.postMessage({ ok: true } satisfies IndexWorkerReply);
} catch (error) {
  port.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) } satisfies IndexWorkerReply);
}
