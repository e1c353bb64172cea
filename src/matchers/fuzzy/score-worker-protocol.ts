// The messages between the fuzzy stage and its scoring worker (score-worker.ts).
import type { BlockingKeys } from '../blocking.js';
import type { ComparisonThresholds } from '../comparison.js';
import type { WeightModel } from '../match-weight.js';
import type { PassOneResult } from './pair-scorer.js';
import type { ProfileColumns } from './profile-columns.js';

/**
 * What the worker starts with: the profiles and the matchers (by id). The weight model comes
 * later (ScoreWorkerMessage): the main thread estimates it while the worker computes the blocking keys.
 */
export interface ScoreWorkerData {
  readonly profiles: ProfileColumns;
  readonly thresholds: ComparisonThresholds;
  readonly threshold: number;
  /** Ids of the fuzzy matchers to run, in their order (registry.ts). */
  readonly matcherIds: readonly string[];
  readonly ruleCount: number;
  /** One Int32: batches the worker has finished, read by the main thread to balance the load. */
  readonly progress: SharedArrayBuffer;
}

/** The weight model (first, once), then batches of (x, y, rule) triples to score, then the end of the pairs. */
export type ScoreWorkerMessage = { readonly model: WeightModel } | Int32Array | 'end';

/**
 * The worker's replies: the blocking keys of the profiles (first, as soon as it has them), then
 * what it found in its pairs after 'end'; or why it stopped.
 */
export type ScoreWorkerReply =
  | { readonly kind: 'keys'; readonly keys: BlockingKeys }
  | { readonly kind: 'result'; readonly result: PassOneResult }
  | { readonly kind: 'failed'; readonly message: string };
