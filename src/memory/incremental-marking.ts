// V8's incremental marking turned off for the rest of a run whose heap has grown too large for it.
import { setFlagsFromString } from 'node:v8';

/**
 * Turns V8's incremental marking off for the rest of this process: later full collections mark
 * the heap in one pause each, instead of in steps between the JavaScript that runs meanwhile.
 * NOTE: why: at 10M records with fuzzy matching on, the write stage (query index on this thread,
 * a ~10 GB heap of small objects) took ~1,700 s, and `perf` put 71 % of this thread's samples in
 * V8's IncrementalMarking::UpdateMarkingWorklistAfterYoungGenGC: while a marking of that heap is
 * under way, every young-generation collection walks its worklist. With the flag, that stage took
 * ~1,225 s and each kind of the index was written 2-3x faster (one run each). Full collections
 * then pause 20-45 s each, which is the price. The flag is set here, at run
 * time, and only for such runs: for a whole run it cost ~5 % at 1M records and saved nothing at 5M
 * (bench/RESULTS.md). V8 reads it when it decides how to start a full collection, so it takes
 * effect after start; test/memory/incremental-marking.test.ts checks that in a --trace-gc log.
 */
export function turnIncrementalMarkingOff(): void {
  setFlagsFromString('--no-incremental-marking');
}
