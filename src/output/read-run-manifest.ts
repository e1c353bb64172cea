// Reads and checks run.json: the one test of "is this a complete idgraph run" that every reader uses.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { errors } from '../errors/index.js';
import { recoverRunDirectory } from './atomic-directory.js';
import { RUN_FILES, type RunManifest } from './run-files.js';

function isManifest(value: unknown): value is RunManifest {
  if (typeof value !== 'object' || value === null) return false;
  const manifest = value as Partial<RunManifest>;
  return (
    manifest.format === 'idgraph-run' &&
    manifest.version === 1 &&
    typeof manifest.pseudonymised === 'boolean' &&
    typeof manifest.phoneRegion === 'string'
  );
}

const readManifestText = (dir: string) => readFile(join(dir, RUN_FILES.manifest), 'utf8').catch(() => null);

/**
 * Reads and checks `dir`/run.json (written last by resolve, so its presence means the run is
 * complete). A run left retired by a crash between the two renames of a write is put back first.
 * @returns the run's manifest
 * @throws IdgraphError RUN_DIR_INVALID when there is no such directory or no valid run.json
 */
export async function readRunManifest(dir: string): Promise<RunManifest> {
  let text = await readManifestText(dir);
  if (text === null) {
    await recoverRunDirectory(dir);
    text = await readManifestText(dir);
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
  if (!isManifest(manifest)) throw errors.runDirInvalid(dir, 'run.json is not an idgraph run manifest of version 1');
  return manifest;
}
