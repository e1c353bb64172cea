// Reads a run's records.csv as a predicted clustering, and checks it accounts for the truth.

import { readCsv } from './csv.js';
import type { Labelling } from './metrics.js';

/**
 * The predicted clustering of a run: record id → customer id, from `<out>/records.csv`.
 * @param file the records.csv of an `idgraph resolve` run
 * @returns record_id → customer_id
 * @throws Error on missing columns, an empty customer_id, or a record_id listed twice (two
 *   sources with the same record_id would make the evaluation ambiguous)
 */
export function readPredictions(file: string): Labelling {
  const predicted = new Map<string, string>();
  const { rows } = readCsv(file, ['record_id', 'customer_id']);
  for (const [index, row] of rows.entries()) {
    const id = row['record_id'] ?? '';
    const customer = row['customer_id'] ?? '';
    if (customer === '') throw new Error(`${file}:${index + 2}: empty customer_id`);
    if (predicted.has(id)) {
      throw new Error(
        `${file}:${index + 2}: record_id ${JSON.stringify(id)} appears twice; the benchmark needs unique record ids`,
      );
    }
    predicted.set(id, customer);
  }
  return predicted;
}

/**
 * Fails loudly unless every truth record has a predicted cluster.
 * @param truth the ground truth
 * @param predicted the run's clustering
 * @param where names the run in the message
 * @throws Error naming how many records are missing and a few of their ids
 */
export function assertCoversTruth(truth: Labelling, predicted: Labelling, where: string): void {
  const missing: string[] = [];
  let count = 0;
  for (const id of truth.keys()) {
    if (!predicted.has(id)) {
      count += 1;
      if (missing.length < 5) missing.push(id);
    }
  }
  if (count > 0) {
    throw new Error(
      `${where}: ${count} of ${truth.size} truth records are missing from records.csv ` +
        `(e.g. ${missing.join(', ')}); see rejected.csv in the run directory`,
    );
  }
}

/**
 * Whether two clusterings are the same partition with the same labels (determinism check
 * between repetitions: same input, same customers, same ids).
 * @returns the first record id that differs, or undefined when identical
 */
export function firstDifference(a: Labelling, b: Labelling): string | undefined {
  for (const [id, label] of a) if (b.get(id) !== label) return id;
  for (const id of b.keys()) if (!a.has(id)) return id;
  return undefined;
}
