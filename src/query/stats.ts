// `stats`: counts, cluster sizes, largest customers, refused merges by rule and junk values of a run.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RUN_FILES, type RunReport } from '../output/index.js';
import type { IndexStats } from './index-format.js';
import { readIndexStats } from './index-reader.js';
import { openRunDirectory } from './run-directory.js';

export interface StatsResult extends IndexStats {
  readonly run: { readonly createdAt: string; readonly consent: string; readonly fuzzy: boolean; readonly pseudonymised: boolean };
  /** Input rows as report.json counted them (null when the run has no report.json). */
  readonly rows: { readonly read: number; readonly resolved: number; readonly rejected: number } | null;
  /** Identifier values dropped as invalid (null without report.json). */
  readonly invalidValues: number | null;
}

/** The parts of report.json stats shows; null when it is missing or unreadable. */
async function readReport(dir: string): Promise<Pick<RunReport, 'rows' | 'counts'> | null> {
  try {
    const report = JSON.parse(await readFile(join(dir, RUN_FILES.reportJson), 'utf8')) as Partial<RunReport>;
    return report.rows !== undefined && report.counts !== undefined ? { rows: report.rows, counts: report.counts } : null;
  } catch {
    return null;
  }
}

/**
 * Statistics of a run: the distributions come from the query index (kept current by forget), the
 * input row counts from report.json.
 * @param dir a run directory (the --out of resolve)
 * @throws IdgraphError RUN_DIR_INVALID
 * @example
 * const { clusterSizes, refusedByRule } = await stats('out/run');
 */
export async function stats(dir: string): Promise<StatsResult> {
  const run = await openRunDirectory(dir);
  const [index, report] = await Promise.all([readIndexStats(run.index), readReport(dir)]);
  const { manifest } = run;
  return {
    run: { createdAt: manifest.createdAt, consent: manifest.consent, fuzzy: manifest.fuzzy, pseudonymised: manifest.pseudonymised },
    rows: report === null ? null : { read: report.rows.read, resolved: report.rows.resolved, rejected: report.rows.rejected },
    invalidValues: report?.counts.invalidValues ?? null,
    ...index,
  };
}
