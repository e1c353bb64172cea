// Cluster-comparison metrics for entity resolution: pairwise and B-cubed precision, recall, F1.
//
// Both labellings map a record id to a cluster label. Evaluation runs over the records of the
// ground truth: predicted records that the truth does not know are ignored, and a truth record
// with no prediction is an error (the benchmark must account for every record; it never
// guesses a singleton for it).
//
// NOTE: pair counts come from the contingency table of (truth cluster, predicted cluster)
// intersections, so the cost is O(n) in the records and never O(n²) in the pairs:
//   true pairs      = Σ_truth-clusters C(a, 2)
//   predicted pairs = Σ_predicted-clusters C(b, 2)   (b counts truth records only)
//   true positives  = Σ_cells C(n, 2)                (both labellings put the two together)
// B-cubed uses the same cells: precision = (1/N) Σ n²/b, recall = (1/N) Σ n²/a.
//
// Conventions for empty cases (chosen, see `scores`): a precision with no predicted pairs is 1
// (no claim was made, so none was wrong), a recall with no true pairs is 1 (nothing was there
// to find); F1 is 0 when precision + recall is 0. With no records at all every score is 1.

/** A clustering: record id → cluster label. Labels are compared as strings. */
export type Labelling = ReadonlyMap<string, string>;

/** Pair counts behind the pairwise scores. */
export interface PairCounts {
  /** Pairs of records that the truth puts in one cluster. */
  readonly truePairs: number;
  /** Pairs of (truth) records that the prediction puts in one cluster. */
  readonly predictedPairs: number;
  /** Pairs that both labellings put in one cluster. */
  readonly truePositives: number;
}

/** Precision, recall and their harmonic mean, each in [0, 1]. */
export interface Scores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** Everything `evaluate` measures. */
export interface ClusterMetrics {
  /** Records evaluated (the records of the truth). */
  readonly records: number;
  readonly trueClusters: number;
  /** Predicted clusters restricted to the truth records. */
  readonly predictedClusters: number;
  readonly pairs: PairCounts;
  readonly pairwise: Scores;
  readonly bcubed: Scores;
}

/** Thrown when the prediction lacks records of the truth; `missing` holds up to 10 of their ids. */
export class MissingPredictionsError extends Error {
  override readonly name = 'MissingPredictionsError';

  constructor(
    readonly missingCount: number,
    readonly missing: readonly string[],
  ) {
    super(
      `${missingCount} truth record(s) have no predicted cluster, e.g. ${missing.map((id) => JSON.stringify(id)).join(', ')}`,
    );
  }
}

/** Number of unordered pairs among `n` items. */
export function pairsOf(n: number): number {
  return n < 2 ? 0 : (n * (n - 1)) / 2;
}

/**
 * Combines precision and recall into their harmonic mean.
 * @param precision in [0, 1]
 * @param recall in [0, 1]
 * @returns F1, 0 when both are 0
 */
export function f1Of(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/**
 * Pairwise scores from pair counts, with the empty-case conventions of this file.
 * @param counts true pairs, predicted pairs, true positives
 * @returns precision (1 when nothing was predicted), recall (1 when nothing was to be found), F1
 */
export function scores(counts: PairCounts): Scores {
  const precision = counts.predictedPairs === 0 ? 1 : counts.truePositives / counts.predictedPairs;
  const recall = counts.truePairs === 0 ? 1 : counts.truePositives / counts.truePairs;
  return { precision, recall, f1: f1Of(precision, recall) };
}

function increment<K>(counts: Map<K, number>, key: K): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/**
 * Compares a predicted clustering with the ground truth, on the records of the truth.
 * @param truth record id → true entity label
 * @param predicted record id → predicted cluster label (extra records are ignored)
 * @returns pair counts, pairwise and B-cubed scores
 * @throws MissingPredictionsError when a truth record has no predicted label
 * @example
 * evaluate(new Map([['a', '1'], ['b', '1']]), new Map([['a', 'x'], ['b', 'y']])).pairwise
 * // → { precision: 1, recall: 0, f1: 0 }
 */
export function evaluate(truth: Labelling, predicted: Labelling): ClusterMetrics {
  const truthSizes = new Map<string, number>();
  const predictedSizes = new Map<string, number>();
  // truth label → predicted label → records in both (the non-empty contingency cells)
  const cells = new Map<string, Map<string, number>>();
  const missing: string[] = [];
  let missingCount = 0;

  for (const [record, trueLabel] of truth) {
    const predictedLabel = predicted.get(record);
    if (predictedLabel === undefined) {
      missingCount += 1;
      if (missing.length < 10) missing.push(record);
      continue;
    }
    increment(truthSizes, trueLabel);
    increment(predictedSizes, predictedLabel);
    let row = cells.get(trueLabel);
    if (row === undefined) {
      row = new Map();
      cells.set(trueLabel, row);
    }
    increment(row, predictedLabel);
  }
  if (missingCount > 0) throw new MissingPredictionsError(missingCount, missing);

  let truePairs = 0;
  for (const size of truthSizes.values()) truePairs += pairsOf(size);
  let predictedPairs = 0;
  for (const size of predictedSizes.values()) predictedPairs += pairsOf(size);

  let truePositives = 0;
  let bcubedPrecisionSum = 0;
  let bcubedRecallSum = 0;
  for (const [trueLabel, row] of cells) {
    const a = truthSizes.get(trueLabel) ?? 0;
    for (const [predictedLabel, n] of row) {
      const b = predictedSizes.get(predictedLabel) ?? 0;
      truePositives += pairsOf(n);
      // Each of the n records in this cell has n correct cluster-mates (itself included)
      // out of b predicted and a true ones.
      bcubedPrecisionSum += (n * n) / b;
      bcubedRecallSum += (n * n) / a;
    }
  }

  const records = truth.size;
  const bcubedPrecision = records === 0 ? 1 : bcubedPrecisionSum / records;
  const bcubedRecall = records === 0 ? 1 : bcubedRecallSum / records;
  const pairs: PairCounts = { truePairs, predictedPairs, truePositives };
  return {
    records,
    trueClusters: truthSizes.size,
    predictedClusters: predictedSizes.size,
    pairs,
    pairwise: scores(pairs),
    bcubed: {
      precision: bcubedPrecision,
      recall: bcubedRecall,
      f1: f1Of(bcubedPrecision, bcubedRecall),
    },
  };
}
