import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const BUILT = new URL('../../dist/memory/incremental-marking.js', import.meta.url);

/**
 * A child process that churns its old generation (chunks that live long enough to be promoted,
 * then die) before and after the marker line, turning incremental marking off at the marker
 * when `turnOff`; returns each full collection of its --trace-gc log as before/after the marker
 * and incremental/atomic.
 */
async function fullCollections(turnOff: boolean): Promise<string[]> {
  const script = `
    const { turnIncrementalMarkingOff } = await import(${JSON.stringify(BUILT.href)});
    let window = [];
    const churn = (chunks) => {
      for (let c = 0; c < chunks; c++) {
        const chunk = [];
        for (let i = 0; i < 100000; i++) chunk.push({ a: 'v' + i, b: [i] });
        window.push(chunk);
        if (window.length > 6) window = window.slice(1);
      }
    };
    churn(40);
    console.log('MARKER');
    if (${turnOff}) turnIncrementalMarkingOff();
    churn(40);`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--trace-gc', '--input-type=module', '-e', script], { maxBuffer: 16 << 20 });
  let after = false;
  const collections: string[] = [];
  for (const line of stdout.split('\n')) {
    if (line === 'MARKER') after = true;
    else if (line.includes('Mark-Compact')) collections.push(`${after ? 'after' : 'before'} ${line.includes('since start of marking') ? 'incremental' : 'atomic'}`);
  }
  return collections;
}

describe.skipIf(!existsSync(fileURLToPath(BUILT)))('turnIncrementalMarkingOff (built module; `npm test` builds it)', () => {
  test('should make the full collections after it atomic, where V8 marked incrementally before', async () => {
    const collections = await fullCollections(true);
    expect(collections).toContain('before incremental');
    expect(collections.filter((collection) => collection.startsWith('after'))).not.toHaveLength(0);
    expect(collections.filter((collection) => collection.startsWith('after'))).not.toContain('after incremental');
  });

  test('should be what changes them: without it, the same churn is still marked incrementally', async () => {
    expect(await fullCollections(false)).toContain('after incremental');
  });
});
