// Writes a run directory so that a crash at any point leaves the previous one intact.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve as resolvePath } from 'node:path';
import { errors } from '../errors/index.js';
import { RUN_FILES } from './run-files.js';

const STAGING = '.idgraph-staging-';
const RETIRED = '.idgraph-retired-';

/** A staging or retired directory beside a run directory: `<prefix><name>-<pid>-<8 hex>`. */
interface SideDirectory {
  readonly entry: string;
  readonly kind: 'staging' | 'retired';
  readonly pid: number;
}

function sideDirectory(entry: string, name: string): SideDirectory | null {
  const kind = entry.startsWith(STAGING) ? 'staging' : entry.startsWith(RETIRED) ? 'retired' : null;
  if (kind === null) return null;
  const rest = entry.slice(kind === 'staging' ? STAGING.length : RETIRED.length);
  const match = /^(.*)-(\d+)-[0-9a-f]{8}$/.exec(rest);
  // The exact name only: the side directories of `out` are not those of `out-2`.
  if (match === null || match[1] !== name) return null;
  return { entry, kind, pid: Number(match[2]) };
}

/** Whether the process that made a side directory may still be writing it. */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Undoes what a crashed write left beside `dir`: a run retired between the two renames of the
 * swap is put back when `dir` is missing (otherwise deleted), and staging directories are
 * deleted. Directories of a process that is still running are left alone (a concurrent write).
 * Called before every write of `dir`, and by queries that find no run.json in it.
 */
export async function recoverRunDirectory(dir: string): Promise<void> {
  const target = resolvePath(dir);
  const parent = dirname(target);
  const name = basename(target);
  let entries: string[];
  try {
    entries = await readdir(parent);
  } catch {
    return;
  }
  const crashed = entries
    .map((entry) => sideDirectory(entry, name))
    .filter((side): side is SideDirectory => side !== null && !isRunning(side.pid))
    .sort((a, b) => (a.entry < b.entry ? -1 : 1));
  let exists = await stat(target).then(() => true, () => false);
  for (const side of crashed) {
    const path = join(parent, side.entry);
    if (side.kind === 'retired' && !exists) {
      await rename(path, target);
      exists = true;
    } else {
      await rm(path, { recursive: true, force: true });
    }
  }
}

/**
 * Checks that `dir` may be written as a run directory: missing, empty, or holding a run
 * (run.json). Anything else would be deleted by the swap, so it is refused before any work.
 * @throws IdgraphError OUTPUT_NOT_WRITABLE
 */
export async function checkRunDirectoryTarget(dir: string): Promise<void> {
  let info;
  try {
    info = await stat(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    throw errors.outputNotWritable(dir, code ?? 'cannot stat');
  }
  if (!info.isDirectory()) throw errors.outputNotWritable(dir, 'a file of that name exists; choose another --out');
  const entries = await readdir(dir);
  if (entries.length > 0 && !entries.includes(RUN_FILES.manifest)) {
    throw errors.outputNotWritable(dir, 'it is a directory with other files and no run.json, and the run would replace it; choose another --out or empty it');
  }
}

/**
 * Runs `write` on a fresh staging directory beside `dir`, then swaps it into place.
 * NOTE: POSIX has no atomic exchange of two directories from Node, so the swap is two
 * renames (old → retired, staging → dir); a crash between them is undone by
 * recoverRunDirectory on the next run or query. A crash during `write` leaves `dir` untouched.
 * Only a crash of the machine (not of the process) could lose written data still in the page
 * cache; the files of a run are flushed as written (writeFile `flush`), the renames are not fsynced.
 * @throws IdgraphError OUTPUT_NOT_WRITABLE when `dir` is a file or a directory that is not a run
 */
export async function writeDirectoryAtomically(dir: string, write: (stagingDir: string) => Promise<void>): Promise<void> {
  const target = resolvePath(dir);
  const parent = dirname(target);
  const name = basename(target);
  try {
    await mkdir(parent, { recursive: true });
  } catch (error) {
    throw errors.outputNotWritable(dir, (error as NodeJS.ErrnoException).code ?? 'cannot create parent');
  }
  await recoverRunDirectory(dir);
  await checkRunDirectoryTarget(dir);
  const suffix = `${name}-${process.pid}-${randomBytes(4).toString('hex')}`;
  const staging = join(parent, `${STAGING}${suffix}`);
  try {
    await mkdir(staging);
  } catch (error) {
    throw errors.outputNotWritable(dir, (error as NodeJS.ErrnoException).code ?? 'cannot create');
  }
  try {
    await write(staging);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const exists = await stat(target).then(() => true, () => false);
  const retired = join(parent, `${RETIRED}${suffix}`);
  try {
    if (exists) await rename(target, retired);
    await rename(staging, target);
  } catch (error) {
    // Put the previous run back (if it was moved) and drop the new one: the run did not happen.
    if (exists) await rename(retired, target).catch(() => undefined);
    await rm(staging, { recursive: true, force: true });
    throw errors.outputNotWritable(dir, (error as NodeJS.ErrnoException).code ?? 'cannot rename');
  }
  if (exists) await rm(retired, { recursive: true, force: true });
}
