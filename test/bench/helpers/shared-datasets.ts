// Where the shared third-party datasets are for tests, and the visible skip when they are not.
import { locateDatasets } from '../../../bench/lib/datasets.js';

const location = locateDatasets();

/** The shared datasets directory, or undefined when absent. */
export const sharedDir: string | undefined = location.found ? location.dir : undefined;

/** Whether tests reading the shared datasets must skip. */
export const skipShared = !location.found;

/** Appended to suite names, so a skipped suite says why in the report. */
export const skipNote = location.found ? '' : ` (${location.skipLine})`;

if (!location.found) console.warn(location.skipLine);

/** The directory, for use inside suites that are skipped when it is absent. */
export function requireSharedDir(): string {
  if (sharedDir === undefined) throw new Error('shared datasets not found');
  return sharedDir;
}
