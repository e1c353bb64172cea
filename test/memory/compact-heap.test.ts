import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const BUILT = new URL('../../dist/memory/compact-heap.js', import.meta.url);

interface OldSpace {
  /** Old space committed after the collection, MB. */
  readonly committed: number;
  /** Old space in use after it, MB. */
  readonly used: number;
  readonly ran: boolean;
}

/**
 * A child process (with --expose-gc) that fragments its old space: it fills it with small objects
 * that survive into it, keeps one in twenty, then runs collectAndCompact with a memory reading
 * that has room for the copy or none.
 */
async function afterCollection(room: boolean): Promise<OldSpace> {
  const script = `
    const { getHeapSpaceStatistics } = await import('node:v8');
    const { collectAndCompact } = await import(${JSON.stringify(BUILT.href)});
    const chunks = [];
    for (let c = 0; c < 40; c++) {
      const chunk = [];
      for (let i = 0; i < 50000; i++) chunk.push({ a: 'v' + i, b: [i, c] });
      chunks.push(chunk);
    }
    globalThis.gc();
    globalThis.gc();
    const kept = chunks.map((chunk) => chunk.filter((_, i) => i % 20 === 0));
    chunks.length = 0;
    const gb = 1 << 30;
    const reading = ${room}
      ? { rss: gb, heapUsed: 0.1 * gb, available: 16 * gb, total: 24 * gb }
      : { rss: gb, heapUsed: 0.1 * gb, available: 0, total: 24 * gb };
    const ran = collectAndCompact(() => reading);
    const old = getHeapSpaceStatistics().find((space) => space.space_name === 'old_space');
    console.log(JSON.stringify({ committed: old.space_size / 1048576, used: old.space_used_size / 1048576, ran, kept: kept.length }));`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', '--input-type=module', '-e', script]);
  return JSON.parse(stdout) as OldSpace;
}

describe.skipIf(!existsSync(fileURLToPath(BUILT)))('collectAndCompact (built module; `npm test` builds it)', () => {
  test('should give the fragmented pages back: old space committed close to what is live', async () => {
    const compacted = await afterCollection(true);
    expect(compacted.ran).toBe(true);
    expect(compacted.committed).toBeLessThan(compacted.used * 2);
  });

  test('should only collect, not compact, when the machine has no room for the copy', async () => {
    const [collected, compacted] = await Promise.all([afterCollection(false), afterCollection(true)]);
    expect(collected.ran).toBe(true);
    expect(collected.used).toBeCloseTo(compacted.used, 0);
    expect(collected.committed).toBeGreaterThan(compacted.committed * 2);
  });

  test('should run nothing in a process without --expose-gc', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [
      '--input-type=module',
      '-e',
      `const { collectAndCompact } = await import(${JSON.stringify(BUILT.href)}); console.log(collectAndCompact());`,
    ]);
    expect(stdout.trim()).toBe('false');
  });
});
