// A full collection at a stage boundary, then one that moves the live objects together.
import { setFlagsFromString } from 'node:v8';
import { collectGarbage } from './collect-garbage.js';
import { readMemory, roomFor, type MemoryReading } from './memory-pressure.js';

/**
 * A full collection (collectGarbage), then, when the machine has room for a copy of what is
 * live, a compacting one: the live objects of fragmented pages are moved together, and those
 * pages go back to the operating system.
 * NOTE: a plain full collection frees the dead objects in place. At 310k records, before the write
 * stage, it took the old space from 624 MB committed (607 used) to 474 MB committed with 195 MB
 * live: the rest were gaps between the result's objects, which were allocated among the stages'
 * own, now dead. V8 decides by itself whether to compact and did not there. The flag is set for
 * the one collection: compacting every full collection of a run would copy far more.
 * NOTE: the plain collection comes first. Compacting copies the live objects of the pages it
 * empties before it frees them, and after the plain one less is committed beside that copy;
 * compacting straight away raised the 310k peak to 1,324–1,333 MiB in two runs of four
 * (bench/RESULTS.md, "Flat strings, and collections that compact").
 * @param read reads the process's memory (tests pass their own)
 * @returns whether a collection ran (not when the process was started without --expose-gc)
 */
export function collectAndCompact(read: () => MemoryReading = readMemory): boolean {
  if (!collectGarbage()) return false;
  const reading = read();
  // The copy is at most what is live (all of it, in the worst case: ~10 GB at 10M records).
  if (!roomFor(reading.heapUsed, reading)) return true;
  setFlagsFromString('--compact-on-every-full-gc');
  try {
    collectGarbage();
  } finally {
    setFlagsFromString('--no-compact-on-every-full-gc');
  }
  return true;
}
