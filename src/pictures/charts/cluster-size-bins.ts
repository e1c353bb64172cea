// Groups the cluster-size distribution (records per customer → customers) into chart columns.

export interface SizeBin {
  /** Axis label: `3` for one size, `5–8` for a range. */
  readonly label: string;
  readonly from: number;
  readonly to: number;
  readonly customers: number;
}

/** Up to this largest size, every size gets its own column (gaps included, so the shape is honest). */
const ONE_COLUMN_PER_SIZE_UP_TO = 30;

/**
 * One bin per size 1..max while the largest customer has at most 30 records; beyond that,
 * power-of-two bins (1, 2, 3–4, 5–8, …) so a run with a 1,000-record customer still gets ~11 columns.
 * @param clusterSizes the report's `counts.clusterSizes` (size as a decimal string → customers)
 */
export function clusterSizeBins(clusterSizes: Readonly<Record<string, number>>): SizeBin[] {
  const sizes = Object.entries(clusterSizes)
    .map(([size, customers]) => [Number(size), customers] as const)
    .filter(([size, customers]) => Number.isInteger(size) && size > 0 && customers > 0);
  if (sizes.length === 0) return [];
  const largest = Math.max(...sizes.map(([size]) => size));
  const ranges: [number, number][] = [];
  if (largest <= ONE_COLUMN_PER_SIZE_UP_TO) {
    for (let size = 1; size <= largest; size++) ranges.push([size, size]);
  } else {
    ranges.push([1, 1]);
    for (let high = 2; high / 2 < largest; high *= 2) ranges.push([high / 2 + 1, high]);
  }
  return ranges.map(([from, to]) => ({
    label: from === to ? String(from) : `${from}–${to}`,
    from,
    to,
    customers: sizes.filter(([size]) => size >= from && size <= to).reduce((sum, [, customers]) => sum + customers, 0),
  }));
}
