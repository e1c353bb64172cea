// Opens a run directory for queries: checks run.json and the query index before anything is read.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { errors } from '../errors/index.js';
import { readRunManifest, RUN_FILES, type RunManifest } from '../output/index.js';
import { openQueryIndex, type QueryIndex } from './index-reader.js';

/** A run directory that has passed the checks of openRunDirectory. */
export interface RunDirectory {
  readonly dir: string;
  readonly manifest: RunManifest;
  readonly index: QueryIndex;
}

/**
 * Opens `dir` as a run directory.
 * NOTE: recoverRunDirectory runs only when run.json cannot be read (a crash between the two
 * renames of a write leaves the run retired beside `dir`): a query has nothing to recover otherwise.
 * NOTE: the index is checked against the byte sizes of the run files, not their contents: a size
 * survives copying a run (mtimes do not), and every rewrite that adds or drops a row changes it;
 * a rewrite that keeps every size (one ID swapped for another) goes unnoticed.
 * @throws IdgraphError RUN_DIR_INVALID when `dir` has no valid run.json, no query index, or an
 * index older than the run files
 */
export async function openRunDirectory(dir: string): Promise<RunDirectory> {
  const manifest = await readRunManifest(dir);
  const index = await openQueryIndex(dir);
  if (index === 'missing') throw errors.queryIndexMissing(dir);
  if (index === 'invalid') throw errors.runDirInvalid(dir, 'index/meta.json is not a query index manifest');
  for (const [file, size] of Object.entries(index.meta.builtFrom)) {
    const now = await stat(join(dir, file)).then((info) => info.size, () => null);
    if (now !== size) throw errors.queryIndexStale(dir, file);
  }
  return { dir, manifest, index };
}
