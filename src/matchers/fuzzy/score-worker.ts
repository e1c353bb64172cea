// Worker thread entry: the blocking keys of the fuzzy stage, then pass 1 for the candidate pairs the main thread sends it.
import { parentPort, workerData } from 'node:worker_threads';
import { blockingKeys } from '../blocking.js';
import { PairScorer } from './pair-scorer.js';
import { fromProfileColumns } from './profile-columns.js';
import { FUZZY_MATCHERS } from './registry.js';
import type { ScoreWorkerData, ScoreWorkerMessage, ScoreWorkerReply } from './score-worker-protocol.js';

const port = parentPort!;
const data = workerData as ScoreWorkerData;
const reply = (message: ScoreWorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
const failed = (error: unknown) => {
  reply({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  port.close();
};
const batchesDone = new Int32Array(data.progress);
/** Made when the weight model comes. */
let scorer: PairScorer | null = null;

try {
  const matchers = data.matcherIds.map((id) => {
    const matcher = FUZZY_MATCHERS.find((candidate) => candidate.id === id);
    if (matcher === undefined) throw new Error(`unknown fuzzy matcher ${id}`);
    return matcher;
  });
  const profiles = fromProfileColumns(data.profiles);
  // The keys first: the main thread enumerates the candidate pairs from them.
  const keys = blockingKeys(profiles, matchers.flatMap((matcher) => matcher.blocking));
  reply({ kind: 'keys', keys }, [keys.offsets.buffer, keys.keys.buffer, keys.counts.buffer] as ArrayBuffer[]);
  port.on('message', (message: ScoreWorkerMessage) => {
    try {
      if (message === 'end') {
        if (scorer === null) throw new Error('the pairs ended before the weight model came');
        reply({ kind: 'result', result: scorer.result() });
        port.close();
      } else if (message instanceof Int32Array) {
        if (scorer === null) throw new Error('candidate pairs came before the weight model');
        scorer.visitAll(message);
        Atomics.add(batchesDone, 0, 1);
      } else {
        const context = { thresholds: data.thresholds, model: message.model, threshold: data.threshold };
        scorer = new PairScorer(
          {
            profiles,
            thresholds: data.thresholds,
            context,
            immediate: matchers.filter((matcher) => !matcher.needsCoResidents),
            deferred: matchers.filter((matcher) => matcher.needsCoResidents),
          },
          data.ruleCount,
        );
      }
    } catch (error) {
      failed(error);
    }
  });
} catch (error) {
  failed(error);
}
