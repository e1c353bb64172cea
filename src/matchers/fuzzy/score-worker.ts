// Worker thread entry: pass 1 of the fuzzy stage for the candidate pairs the main thread sends it.
import { parentPort, workerData } from 'node:worker_threads';
import { PairScorer } from './pair-scorer.js';
import { fromProfileColumns } from './profile-columns.js';
import { FUZZY_MATCHERS } from './registry.js';
import type { ScoreWorkerData, ScoreWorkerMessage, ScoreWorkerReply } from './score-worker-protocol.js';

const port = parentPort!;
const data = workerData as ScoreWorkerData;
const matchers = data.matcherIds.map((id) => {
  const matcher = FUZZY_MATCHERS.find((candidate) => candidate.id === id);
  if (matcher === undefined) throw new Error(`unknown fuzzy matcher ${id}`);
  return matcher;
});
const scorer = new PairScorer(
  {
    profiles: fromProfileColumns(data.profiles),
    thresholds: data.thresholds,
    context: { thresholds: data.thresholds, model: data.model, threshold: data.threshold },
    immediate: matchers.filter((matcher) => !matcher.needsCoResidents),
    deferred: matchers.filter((matcher) => matcher.needsCoResidents),
  },
  data.ruleCount,
);
const batchesDone = new Int32Array(data.progress);

port.on('message', (message: ScoreWorkerMessage) => {
  try {
    if (message === 'end') {
      port.postMessage({ ok: true, result: scorer.result() } satisfies ScoreWorkerReply);
      port.close();
      return;
    }
    scorer.visitAll(message);
    Atomics.add(batchesDone, 0, 1);
  } catch (error) {
    port.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) } satisfies ScoreWorkerReply);
    port.close();
  }
});
