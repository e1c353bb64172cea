// Summary statistics and number formatting for benchmark tables.

/**
 * The median of a sample (mean of the two middle values for an even count).
 * @param values at least one finite number; not modified
 * @returns the median
 * @throws RangeError on an empty sample or a non-finite value
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of an empty sample');
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError('median of a non-finite value');
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  // Both indexes are in range: length ≥ 1.
  return sorted.length % 2 === 1
    ? sorted[middle]!
    : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * A value relative to a baseline measured in the same run, e.g. `3.41×`.
 * @param value the measurement
 * @param baseline the baseline measurement (same unit)
 * @returns the ratio with two decimals and `×`, or `n/a` when the baseline is not positive
 */
export function formatRatio(value: number, baseline: number): string {
  if (!(baseline > 0) || !Number.isFinite(value)) return 'n/a';
  return `${(value / baseline).toFixed(2)}×`;
}

/**
 * A score in [0, 1] with four decimals (enough to tell 0.9995 from 1).
 * @param score the score
 * @returns e.g. `0.9871`
 */
export function formatScore(score: number): string {
  return score.toFixed(4);
}

/**
 * A duration in seconds with two decimals.
 * @param seconds the duration
 * @returns e.g. `1.25`
 */
export function formatSeconds(seconds: number): string {
  return seconds.toFixed(2);
}
