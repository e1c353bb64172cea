// Writes a run directory so that a crash at any point leaves the previous one intact.
import { mkdir, rename, rm, stat, readdir } from 'node:fs/promises';
import { basename, dirname, join, resolve as resolvePath } from 'node:path';
import { randomBytes } from 'node:crypto';
import { errors } from '../errors/index.js';

const STAGING = '.idgraph-staging-';
const RETIRED = '.idgraph-retired-';

/**
 * Puts back a run directory that a crash left retired between the two renames below, and
 * removes staging directories of crashed runs. Called before every write and read of `dir`.
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
  const exists = await stat(target).then(() => true, () => false);
  for (const entry of entries) {
    if (entry.startsWith(`${STAGING}${name}-`)) await rm(join(parent, entry), { recursive: true, force: true });
    if (entry.startsWith(`${RETIRED}${name}-`)) {
      if (!exists) await rename(join(parent, entry), target);
      else await rm(join(parent, entry), { recursive: true, force: true });
    }
  }
}

/**
 * Runs `write` on a fresh staging directory beside `dir`, then swaps it into place.
 * NOTE: POSIX has no atomic exchange of two directories from Node, so the swap is two
 * renames (old → retired, staging → dir); a crash between them is undone by
 * recoverRunDirectory on the next run or query. A crash during `write` leaves `dir` untouched.
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
  const exists = await stat(target).then((info) => info.isDirectory(), () => false);
  if (exists) {
    const retired = join(parent, `${RETIRED}${suffix}`);
    await rename(target, retired);
    await rename(staging, target);
    await rm(retired, { recursive: true, force: true });
  } else {
    await rename(staging, target);
  }
}
