// The messages between the fuzzy stage and its scoring worker (score-worker.ts).
import type { ComparisonThresholds } from '../comparison.js';
import type { WeightModel } from '../match-weight.js';
import type { PassOneResult } from './pair-scorer.js';
import type { ProfileColumns } from './profile-columns.js';

/** What the worker starts with: the plan of the stage as plain data (matchers by id). */
export interface ScoreWorkerData {
  readonly profiles: ProfileColumns;
  readonly thresholds: ComparisonThresholds;
  readonly model: WeightModel;
  readonly threshold: number;
  /** Ids of the fuzzy matchers to run, in their order (registry.ts). */
  readonly matcherIds: readonly string[];
  readonly ruleCount: number;
  /** One Int32: batches the worker has finished, read by the main thread to balance the load. */
  readonly progress: SharedArrayBuffer;
}

/** A batch of (x, y, rule) triples to score, or the end of the pairs. */
export type ScoreWorkerMessage = Int32Array | 'end';

/** The worker's one reply, after 'end'. */
export type ScoreWorkerReply = { readonly ok: true; readonly result: PassOneResult } | { readonly ok: false; readonly message: string };
