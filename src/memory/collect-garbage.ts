// A full garbage collection at a stage boundary, where a run's working set has just shrunk.

/**
 * Runs a full collection when the process was started with `--expose-gc` (bin/idgraph.js is);
 * does nothing otherwise (a library caller's process, `node bin/idgraph.js` without the flags).
 * NOTE: V8 lets the old space grow to a multiple of what was live at its last full collection.
 * When the engine hands its result over, everything the stages built to get there (normalised
 * identifiers, the graph's arrays, the link stage's bookkeeping) has just died, and V8 would only
 * collect it well into the write stage, after that stage's own growth: at 1M records one
 * collection here took the peak RSS from ~4.1 to ~3.4 GB for ~1.5 s (bench/RESULTS.md, "A full
 * collection before the write stage"). `resolve` also forces one, followed by a compacting one
 * where there is room (compact-heap.ts), when the input records die after the normalise stage
 * and when the engine returns (both with fuzzy matching on; with it off, a plain one as the
 * engine returns). Not more: forcing one at every stage boundary cost ~8 s
 * at 1M records.
 * @returns whether a collection ran
 */
export function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc !== 'function') return false;
  gc();
  return true;
}
