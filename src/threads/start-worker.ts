// Starts a worker thread on one of this package's modules, and says what its failure means for the run.
// NOTE: workers get no resourceLimits: V8's heap flags are the process's, so a worker started under
// the launcher (bin/idgraph.js) has its 32 MB semi-spaces and 16 GB old space as the main thread
// does (checked: a worker's new space 128 MB and heap limit ~6 GB under --max-semi-space-size=64
// --max-old-space-size=6000, against 32 MB and Node's default without them).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { errors } from '../errors/index.js';

/**
 * What a worker's 'error' event means for the run: an IdgraphError OUT_OF_MEMORY, with what to do,
 * when the worker hit its heap limit; otherwise an Error naming the worker (an internal error).
 * @param error - the error the worker emitted
 * @param part - what the worker does, for the message ("the fuzzy scoring thread")
 * @param advice - what the user can do about memory
 */
export function workerFailure(error: Error, part: string, advice: string): Error {
  if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return errors.outOfMemory(part, Math.round(getHeapStatistics().heap_size_limit / (1 << 20)), advice);
  }
  return new Error(`${part} failed: ${error.message}`);
}

/** The ESM entry of tsx's register API, or null when tsx (a dev dependency) is not installed. */
function tsxRegisterApi(): string | null {
  try {
    // NOTE: require.resolve gives the package's CommonJS entry; its ESM twin sits beside it
    // (package.json "exports" of tsx: ./dist/esm/api/index.{mjs,cjs}).
    const esm = createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs');
    return existsSync(esm) ? pathToFileURL(esm).href : null;
  } catch {
    return null;
  }
}

/**
 * Starts a worker on `script`, a `.js` module of this package. Built (dist/), that file runs as it
 * is; running from the TypeScript sources (the tests), the `.ts` file beside it runs through tsx,
 * so the tests exercise the same worker code as the CLI.
 *
 * @param script - URL of the worker module, `new URL('./x-worker.js', import.meta.url)`
 * @param options - worker options (workerData, resourceLimits, …)
 * @throws Error when neither the module nor its source can be run
 */
export function startWorker(script: URL, options: WorkerOptions): Worker {
  const path = fileURLToPath(script);
  if (existsSync(path)) return new Worker(script, options);
  const source = path.replace(/\.js$/, '.ts');
  const tsx = tsxRegisterApi();
  if (!existsSync(source) || tsx === null) throw new Error(`worker module missing: ${path}`);
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(source).href)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}
