import { afterEach, describe, expect, it, vi } from 'vitest';
import { readMemory, roomFor, shouldCollect, underPressure, watchMemoryPressure, type MemoryReading } from '../../src/memory/memory-pressure.js';

const GB = 1024 ** 3;
/** A 24 GB machine with plenty left, a 2 GB run. */
const calm: MemoryReading = { rss: 2 * GB, heapUsed: 1 * GB, available: 20 * GB, total: 24 * GB };

describe('underPressure', () => {
  it('should see no pressure while the process is small and the machine has memory left', () => {
    expect(underPressure(calm)).toBe(false);
  });

  it('should see pressure when the process holds more than three quarters of the machine', () => {
    expect(underPressure({ ...calm, rss: 18.5 * GB })).toBe(true);
    expect(underPressure({ ...calm, rss: 17.5 * GB })).toBe(false);
  });

  it('should see pressure when the machine has little left, whatever holds it', () => {
    expect(underPressure({ ...calm, available: 2 * GB })).toBe(true);
  });
});

describe('roomFor', () => {
  it('should find room for a copy the machine can give with the process staying under three quarters of it', () => {
    expect(roomFor(4 * GB, calm)).toBe(true);
  });

  it('should find no room for a copy larger than what the machine has left', () => {
    expect(roomFor(4 * GB, { ...calm, available: 3 * GB })).toBe(false);
  });

  it('should find no room for a copy that takes the process over three quarters of the machine, even with memory left', () => {
    expect(roomFor(10 * GB, { ...calm, rss: 9 * GB, available: 14 * GB })).toBe(false);
  });
});

describe('shouldCollect', () => {
  const pressed: MemoryReading = { ...calm, rss: 20 * GB, heapUsed: 14 * GB };

  it('should collect under pressure when the heap grew well past what the last collection left', () => {
    expect(shouldCollect(pressed, 12 * GB)).toBe(true);
  });

  it('should not collect without pressure, however much the heap grew', () => {
    expect(shouldCollect({ ...calm, heapUsed: 4 * GB }, 0.5 * GB)).toBe(false);
  });

  it('should not collect again for growth smaller than its share of the live heap (the last collection found it live)', () => {
    expect(shouldCollect(pressed, 13 * GB)).toBe(false);
  });

  it('should not collect for less than the minimum growth on a small heap', () => {
    const smallHeap: MemoryReading = { ...calm, available: 1 * GB, heapUsed: 300 * 1024 ** 2 };
    expect(shouldCollect(smallHeap, 100 * 1024 ** 2)).toBe(false);
    expect(shouldCollect({ ...smallHeap, heapUsed: 400 * 1024 ** 2 }, 100 * 1024 ** 2)).toBe(true);
  });
});

describe('readMemory', () => {
  it('should read this process and the machine in bytes', () => {
    const reading = readMemory();
    expect(reading.rss).toBeGreaterThan(reading.heapUsed);
    expect(reading.total).toBeGreaterThan(reading.rss);
    expect(reading.available).toBeGreaterThan(0);
    expect(reading.available).toBeLessThanOrEqual(reading.total);
  });
});

describe('watchMemoryPressure', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A process whose heap grows by `step` at each grow() on a machine short of memory; a collection leaves 10.5 GB live. */
  function growingUnderPressure(step: number) {
    let heapUsed = 10 * GB;
    const collected: number[] = [];
    return {
      collected,
      read: (): MemoryReading => ({ rss: 20 * GB, heapUsed, available: 2 * GB, total: 24 * GB }),
      grow: () => (heapUsed += step),
      collect: () => {
        collected.push(heapUsed);
        heapUsed = 10.5 * GB;
        return true;
      },
    };
  }

  it('should collect from its timer under pressure, measure growth from what the collection left, and count its collections', () => {
    vi.useFakeTimers();
    const run = growingUnderPressure(0.6 * GB);
    const watch = watchMemoryPressure({ read: run.read, collect: run.collect, intervalMs: 1000 });
    run.grow();
    vi.advanceTimersByTime(1000);
    expect(run.collected).toEqual([]); // 0.6 GB on 10 GB live: under the 10 % share
    run.grow();
    vi.advanceTimersByTime(1000);
    expect(run.collected).toEqual([11.2 * GB]);
    run.grow();
    vi.advanceTimersByTime(1000);
    expect(run.collected).toHaveLength(1); // 0.6 GB past the 10.5 GB the collection left: not enough
    expect(watch.stop()).toBe(1);
    run.grow();
    run.grow();
    vi.advanceTimersByTime(5000);
    expect(run.collected).toHaveLength(1);
  });

  it('should count nothing when no collection can run (a process without --expose-gc)', () => {
    const run = growingUnderPressure(2 * GB);
    const watch = watchMemoryPressure({ read: run.read, collect: () => false });
    run.grow();
    expect(watch.check()).toBe(false);
    expect(watch.stop()).toBe(0);
  });
});
