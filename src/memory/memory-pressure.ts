// Keeps a long run inside the machine's memory: a full collection when memory runs short.
import { freemem, totalmem } from 'node:os';
import { collectGarbage } from './collect-garbage.js';

/** What the watch reads each time it looks (bytes). */
export interface MemoryReading {
  /** This process's resident memory. */
  readonly rss: number;
  /** Bytes in use on this thread's V8 heap, garbage included until it is collected. */
  readonly heapUsed: number;
  /** Memory the machine can still give (Linux: MemAvailable). */
  readonly available: number;
  /** The machine's memory, or the process's cgroup limit when that is lower. */
  readonly total: number;
}

export interface PressurePolicy {
  /** Pressure when the process holds more than this share of the machine's memory. */
  readonly maxRssShare: number;
  /** Pressure when the machine has less than this share of its memory left. */
  readonly minAvailableShare: number;
  /** Under pressure, collect only when the heap grew by at least this share of what it held after the last collection… */
  readonly minGrowthShare: number;
  /** …and by at least this many bytes (no collection for a little growth, each one costs ~1 s per GB live). */
  readonly minGrowthBytes: number;
}

export const DEFAULT_PRESSURE_POLICY: PressurePolicy = {
  maxRssShare: 0.75,
  minAvailableShare: 0.12,
  minGrowthShare: 0.1,
  minGrowthBytes: 256 * 1024 * 1024,
};

/** Whether the machine is short of memory: the process holds most of it, or little is left. */
export function underPressure(reading: MemoryReading, policy: PressurePolicy = DEFAULT_PRESSURE_POLICY): boolean {
  return reading.rss > policy.maxRssShare * reading.total || reading.available < policy.minAvailableShare * reading.total;
}

/**
 * Whether a full collection is worth its pause now: under pressure, and the heap grew enough
 * since the last collection that the growth may be garbage (growth that is live survives the
 * collection and raises the bar for the next one).
 */
export function shouldCollect(reading: MemoryReading, heapAfterLastCollection: number, policy: PressurePolicy = DEFAULT_PRESSURE_POLICY): boolean {
  const growth = reading.heapUsed - heapAfterLastCollection;
  return underPressure(reading, policy) && growth >= policy.minGrowthBytes && growth >= policy.minGrowthShare * heapAfterLastCollection;
}

/**
 * Whether the machine can still give `copyBytes` (with the process staying under
 * PressurePolicy.maxRssShare of its memory): for data about to be copied, such as what is posted
 * to a worker thread, which is serialised on this thread and rebuilt on the worker's heap.
 */
export function roomFor(copyBytes: number, reading: MemoryReading, policy: PressurePolicy = DEFAULT_PRESSURE_POLICY): boolean {
  return copyBytes <= reading.available && reading.rss + copyBytes <= policy.maxRssShare * reading.total;
}

/** The machine's memory, or the cgroup limit this process runs under when that is lower (Node reports "no limit" as a huge number). */
function totalMemory(): number {
  const machine = totalmem();
  const constrained = process.constrainedMemory?.() ?? 0;
  return constrained > 0 && constrained < machine ? constrained : machine;
}

export function readMemory(): MemoryReading {
  const usage = process.memoryUsage();
  return { rss: usage.rss, heapUsed: usage.heapUsed, available: freemem(), total: totalMemory() };
}

export interface MemoryWatch {
  /** Looks once (the timer calls this); returns whether it collected. */
  check(): boolean;
  /** Stops watching; returns how many collections the watch ran. */
  stop(): number;
}

export interface MemoryWatchOptions {
  readonly intervalMs?: number;
  readonly policy?: PressurePolicy;
  readonly read?: () => MemoryReading;
  /** Runs a full collection; false when it cannot (the process was not started with --expose-gc). */
  readonly collect?: () => boolean;
}

/**
 * Watches this process's memory while a run works, and runs a full collection when the machine
 * runs short and the heap has grown since the last one.
 * NOTE: V8 lets its old space grow to a multiple of what was live at its last full collection,
 * bounded by the launcher's --max-old-space-size (16 GB), not by the machine: at 10M records with
 * fuzzy matching on, ~12 GB live plus the garbage of the write stage's CSV formatting, on top of
 * ~4-5 GB outside the heap, reached 22.2 GB and the kernel killed the run (bench/RESULTS.md). A
 * lower fixed limit would stop runs that need the heap on a larger machine; this watch follows the
 * machine instead. It does nothing on a small run (no pressure), and nothing without --expose-gc.
 * The timer fires only between awaits (reading, the fuzzy stage's hand-offs, the CSV files), never
 * in the long synchronous stretches (normalising, the index hand-over), and never keeps the
 * process alive. It did not save the 10M fuzzy-on run by itself: the garbage that killed it was
 * the CSV writer's 1 MB strings (see TEXT_CHUNK_CHARS) and the memory then taken by the index
 * worker's copy (see indexThreadFor in src/query/index-writer.ts); it stays as a guard for garbage
 * between awaits that no fix here has foreseen.
 */
export function watchMemoryPressure(options: MemoryWatchOptions = {}): MemoryWatch {
  const policy = options.policy ?? DEFAULT_PRESSURE_POLICY;
  const read = options.read ?? readMemory;
  const collect = options.collect ?? collectGarbage;
  let heapAfterLastCollection = read().heapUsed;
  let collections = 0;
  const watch: MemoryWatch = {
    check() {
      const reading = read();
      if (!shouldCollect(reading, heapAfterLastCollection, policy) || !collect()) return false;
      collections++;
      heapAfterLastCollection = read().heapUsed;
      return true;
    },
    stop() {
      clearInterval(timer);
      return collections;
    },
  };
  const timer = setInterval(() => watch.check(), options.intervalMs ?? 2000);
  timer.unref();
  return watch;
}
