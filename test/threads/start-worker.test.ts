import { getHeapStatistics } from 'node:v8';
import { describe, expect, test } from 'vitest';
import { Worker } from 'node:worker_threads';
import { IdgraphError } from '../../src/errors/index.js';
import { startWorker, workerFailure } from '../../src/threads/start-worker.js';
import { buildWeightModel } from '../../src/matchers/weight-model.js';
import { toProfileColumns } from '../../src/matchers/fuzzy/profile-columns.js';

describe('startWorker', () => {
  test('should refuse a module that exists neither built nor as a source, naming it', () => {
    const missing = new URL('./no-such-worker.js', import.meta.url);
    expect(() => startWorker(missing, {})).toThrow(`worker module missing: ${missing.pathname}`);
  });

  test('should run the TypeScript source of a worker when its built module is absent (tests run from the sources)', async () => {
    // score-worker.js is not built beside the sources; its .ts runs through tsx and answers the protocol.
    const worker = startWorker(new URL('../../src/matchers/fuzzy/score-worker.js', import.meta.url), {
      workerData: { profiles: toProfileColumns([]), thresholds: { name: 0.9, text: 0.8 }, threshold: 0.5, matcherIds: [], ruleCount: 0, progress: new SharedArrayBuffer(4) },
    });
    const replies: unknown[] = [];
    const done = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: { kind: string }) => {
        replies.push(message);
        if (message.kind === 'keys') {
          worker.postMessage({ model: buildWeightModel([], { thresholds: { name: 0.9, text: 0.8 }, duplicatesPerRecord: 1, sampleSize: 10, swapBits: -2 }) });
          worker.postMessage('end');
        } else resolve();
      });
      worker.once('error', reject);
    });
    await done;
    await worker.terminate();
    expect(replies).toStrictEqual([
      { kind: 'keys', keys: { offsets: new Int32Array(1), keys: new Float64Array(0), counts: new Int32Array(0) } },
      { kind: 'result', result: { links: [], linksByRule: [], coResidents: expect.any(Object), waiting: [] } },
    ]);
  });
});

describe('workerFailure', () => {
  test('should turn a worker that hit its heap limit into OUT_OF_MEMORY (exit 1) with the advice', async () => {
    const hog = new Worker('const kept = []; for (;;) kept.push(new Array(1e5).fill(1));', { eval: true, resourceLimits: { maxOldGenerationSizeMb: 16 } });
    const [error] = await new Promise<[Error]>((resolve) => hog.once('error', (caught) => resolve([caught])));
    const failure = workerFailure(error, 'the fuzzy scoring thread', 'turn fuzzy matching off (--no-fuzzy)');
    expect(failure).toBeInstanceOf(IdgraphError);
    expect([(failure as IdgraphError).code, (failure as IdgraphError).exitCode, failure.message]).toStrictEqual([
      'OUT_OF_MEMORY',
      1,
      `the fuzzy scoring thread ran out of memory (the heap limit is ${Math.round(getHeapStatistics().heap_size_limit / 2 ** 20)} MB); turn fuzzy matching off (--no-fuzzy) (nothing was written)`,
    ]);
  });

  test('should name the worker for any other failure (an internal error)', () => {
    const failure = workerFailure(new Error('boom'), 'the query index thread', 'x');
    expect([failure instanceof IdgraphError, failure.message]).toStrictEqual([false, 'the query index thread failed: boom']);
  });
});
