// Checks that a directory is a complete idgraph run before anything is exported from it.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { errors } from '../errors/index.js';
import { recoverRunDirectory, RUN_FILES, type RunManifest } from '../output/index.js';

/**
 * Reads and checks `dir`/run.json (written last by resolve, so its presence means the run is
 * complete). A run left retired by a crash between the two renames of a write is put back first.
 *
 * @returns the run's manifest.
 * @throws IdgraphError RUN_DIR_INVALID when there is no such directory or no valid run.json.
 */
export async function readRunManifest(dir: string): Promise<RunManifest> {
  const read = () => readFile(join(dir, RUN_FILES.manifest), 'utf8').catch(() => null);
  let text = await read();
  if (text === null) {
    await recoverRunDirectory(dir);
    text = await read();
  }
  if (text === null) {
    const isDirectory = await stat(dir).then((info) => info.isDirectory(), () => false);
    throw errors.runDirInvalid(dir, isDirectory ? 'no run.json' : 'no such directory');
  }
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    throw errors.runDirInvalid(dir, 'run.json is not valid JSON');
  }
  const candidate = manifest as Partial<RunManifest> | null;
  if (candidate === null || typeof candidate !== 'object' || candidate.format !== 'idgraph-run' || candidate.version !== 1) {
    throw errors.runDirInvalid(dir, 'run.json is not an idgraph run manifest of version 1');
  }
  return candidate as RunManifest;
}
