// The fuzzy stage on two threads: this one enumerates the candidate pairs, both score them.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { FuzzyConfig } from '../../config/index.js';
import { startWorker, workerFailure } from '../../threads/start-worker.js';
import { forEachCandidatePair } from '../blocking.js';
import type { MatchRecord } from '../match-record.js';
import type { MatchProfile } from '../profile.js';
import { configuredMatchers, finishFuzzyStage, fuzzyProfiles, planFromProfiles, scoreOnOneThread, thresholdsOf, type FuzzyStageResult } from './find-links.js';
import type { FuzzyMatcher } from './matcher.js';
import { PairScorer } from './pair-scorer.js';
import { toProfileColumns } from './profile-columns.js';
import { FUZZY_MATCHERS } from './registry.js';
import type { ScoreWorkerData, ScoreWorkerMessage, ScoreWorkerReply } from './score-worker-protocol.js';

/**
 * Below this many profiles the stage stays on one thread. NOTE: not tuned; the worker costs its
 * start (~50 ms) and a copy of the profiles, and on the scale bench's 100k set it saved ~0.7 s of
 * a ~2 s scoring pass (findFuzzyLinks against findFuzzyLinksInParallel, timed in one script).
 */
export const PARALLEL_MIN_PROFILES = 20_000;
/** Candidate pairs per batch handed to the worker (a 48 KB transfer). */
const BATCH_PAIRS = 4096;
/**
 * Batches the worker may have waiting; beyond that this thread scores the batch itself.
 * NOTE: with 4 the worker sat idle ~5 s of a 1M-record run (cpuprofile): this thread's
 * garbage collections stop it from handing over pairs for up to a second. 32 batches (~1.5 MB,
 * ~0.4 s of scoring) cover most pauses: match stage 26.9/24.8 s -> 22.8/24.1 s at 1M, 8.8/8.0 s ->
 * 7.3/7.4 s at 310k (128: 7.8/7.6 s). The cost is the tail: this thread waits while the worker
 * finishes its backlog.
 */
const MAX_BACKLOG = 32;

const SCORE_WORKER = new URL('./score-worker.js', import.meta.url);

export interface ParallelOptions {
  /** Run on two threads from this many profiles on (default PARALLEL_MIN_PROFILES). */
  readonly minProfiles?: number;
  /** CPU cores the process may use (default os.availableParallelism()); with one, the worker would only take turns with this thread. */
  readonly cores?: number;
}

/** Waits for the worker's reply of `kind`; rejects when it failed or exited first. */
function replyOf<Kind extends 'keys' | 'result'>(worker: Worker, kind: Kind): Promise<Extract<ScoreWorkerReply, { kind: Kind }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: ScoreWorkerReply) => {
      if (reply.kind === 'failed') reject(new Error(`fuzzy scoring worker: ${reply.message}`));
      else if (reply.kind === kind) resolve(reply as Extract<ScoreWorkerReply, { kind: Kind }>);
      else return;
      worker.off('message', onMessage);
    };
    worker.on('message', onMessage);
    worker.once('error', (error) => reject(workerFailure(error, 'the fuzzy scoring thread', 'resolve fewer records per run, or turn fuzzy matching off (--no-fuzzy)')));
    worker.once('exit', (code) => reject(new Error(`fuzzy scoring worker exited with code ${code} before it replied`)));
  });
}

/**
 * Enumerates the candidate pairs once and shares their scoring between this thread and one worker.
 * NOTE: the worker starts before the weight model exists and computes the blocking keys while this
 * thread estimates the model; before, this thread did both in turn while the worker waited
 * (bench/RESULTS.md, "The fuzzy stage's blocking keys computed by its worker").
 */
async function scoreOnTwoThreads(profiles: MatchProfile[], config: FuzzyConfig, matchers: readonly FuzzyMatcher[]): Promise<FuzzyStageResult> {
  const progress = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const batchesDone = new Int32Array(progress);
  const rules = matchers.flatMap((matcher) => matcher.blocking);
  const worker = startWorker(SCORE_WORKER, {
    workerData: {
      profiles: toProfileColumns(profiles),
      thresholds: thresholdsOf(config),
      threshold: config.threshold,
      matcherIds: matchers.map((matcher) => matcher.id),
      ruleCount: rules.length,
      progress,
    } satisfies ScoreWorkerData,
  });
  const keys = replyOf(worker, 'keys');
  const result = replyOf(worker, 'result');
  // A failure is reported when this thread awaits them: not an unhandled rejection meanwhile.
  keys.catch(() => undefined);
  result.catch(() => undefined);

  try {
    const plan = planFromProfiles(profiles, config, matchers);
    worker.postMessage({ model: plan.model } satisfies ScoreWorkerMessage);
    const recordKeys = (await keys).keys;
    const local = new PairScorer(plan, plan.rules.length);
    let batch = new Int32Array(BATCH_PAIRS * 3);
    let filled = 0;
    let batchesSent = 0;
    // NOTE: the load is balanced by the worker's backlog, not split in fixed halves: this thread also
    // enumerates the pairs. Which thread scores a pair does not change its link, so the result is
    // the same whatever the timing.
    const handOver = () => {
      if (batchesSent - Atomics.load(batchesDone, 0) < MAX_BACKLOG) {
        worker.postMessage(batch satisfies ScoreWorkerMessage, [batch.buffer]);
        batchesSent++;
        batch = new Int32Array(BATCH_PAIRS * 3);
      } else {
        local.visitAll(batch);
      }
      filled = 0;
    };
    const visit = (x: number, y: number, rule: number) => {
      batch[filled++] = x;
      batch[filled++] = y;
      batch[filled++] = rule;
      if (filled === batch.length) handOver();
    };
    const blocking = forEachCandidatePair(plan.profiles, plan.rules, plan.maxBlockSize, visit, recordKeys);
    local.visitAll(batch, filled);
    worker.postMessage('end' satisfies ScoreWorkerMessage);
    const remote = (await result).result;
    return finishFuzzyStage(plan, [local.result(), remote], blocking, batchesSent * BATCH_PAIRS);
  } finally {
    await worker.terminate();
  }
}

/**
 * Finds the same links as findFuzzyLinks, scoring the candidate pairs on this thread and a worker
 * thread (the second core). Small runs, a machine with one core, and matchers the worker does
 * not know (not in the registry) stay on this thread.
 *
 * @param records - the normalised records, indexed by canonical index
 * @param config - the `fuzzy` config section
 * @param matchers - the matchers to run (default: the configured ones, in registry order)
 * @param options - when to use the worker
 * @returns the links and the stage's counts, as findFuzzyLinks gives them
 * @throws Error when the worker fails (out of memory, a bug): the stage has no result then
 */
export async function findFuzzyLinksInParallel(
  records: readonly MatchRecord[],
  config: FuzzyConfig,
  matchers: readonly FuzzyMatcher[] = configuredMatchers(config),
  options: ParallelOptions = {},
): Promise<FuzzyStageResult> {
  const known = matchers.every((matcher) => FUZZY_MATCHERS.includes(matcher));
  const profiles = fuzzyProfiles(records);
  const small = profiles.length < (options.minProfiles ?? PARALLEL_MIN_PROFILES);
  if (!known || small || (options.cores ?? availableParallelism()) < 2) return scoreOnOneThread(planFromProfiles(profiles, config, matchers));
  return scoreOnTwoThreads(profiles, config, matchers);
}
