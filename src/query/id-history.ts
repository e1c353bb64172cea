// Reads id_history.csv and follows a retired customer ID to the customer that holds its records now.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { errors } from '../errors/index.js';
import { HEADERS, RUN_FILES } from '../output/index.js';

/** One row of id_history.csv: `oldId` was retired by `event` at `at`; `newId` is null for an erasure. */
export interface HistoryStep {
  readonly oldId: string;
  readonly newId: string | null;
  readonly event: string;
  readonly at: string;
}

/** Where a customer ID leads. */
export type HistoryOutcome =
  | { readonly kind: 'current'; readonly id: string; readonly steps: readonly HistoryStep[] }
  | { readonly kind: 'erased'; readonly steps: readonly HistoryStep[] }
  | { readonly kind: 'absent'; readonly steps: readonly HistoryStep[] };

const MAX_STEPS = 64;

/** The rows of `<dir>/id_history.csv`, oldest first (none when the run has no such file). */
export async function readIdHistory(dir: string): Promise<readonly HistoryStep[]> {
  let text: string;
  try {
    text = await readFile(join(dir, RUN_FILES.idHistory), 'utf8');
  } catch {
    return [];
  }
  const rows = parse(text, { bom: true }) as string[][];
  if (rows.length === 0) return [];
  if (rows[0]!.join(',') !== HEADERS.idHistory.join(',')) {
    throw errors.runDirInvalid(dir, `${RUN_FILES.idHistory} does not have the header ${HEADERS.idHistory.join(',')}`);
  }
  return rows.slice(1).map(([oldId = '', newId = '', event = '', at = '']) => ({ oldId, newId: newId === '' ? null : newId, event, at }));
}

/**
 * Follows `id` through `history` until it reaches an ID that `isCurrent` accepts. Of several rows
 * retiring the same ID the latest (by `at`, then file order) wins; an erasure or a missing
 * successor ends the walk, and so does a cycle.
 */
export async function followIdHistory(
  history: readonly HistoryStep[],
  id: string,
  isCurrent: (id: string) => Promise<boolean>,
): Promise<HistoryOutcome> {
  const steps: HistoryStep[] = [];
  const seen = new Set<string>();
  let at = id;
  while (!(await isCurrent(at))) {
    if (seen.has(at) || steps.length >= MAX_STEPS) return { kind: 'absent', steps };
    seen.add(at);
    let latest: HistoryStep | undefined;
    for (const step of history) if (step.oldId === at && (latest === undefined || step.at >= latest.at)) latest = step;
    if (latest === undefined) return { kind: 'absent', steps };
    steps.push(latest);
    if (latest.event === 'erased' || latest.newId === null) return { kind: 'erased', steps };
    at = latest.newId;
  }
  return { kind: 'current', id: at, steps };
}
