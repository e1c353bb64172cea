// Turns a customer ID into the customer that holds its records now, redirecting retired IDs.
import type { CustomerId } from '../ids/index.js';
import type { CustomerLine } from './index-format.js';
import { findEntry } from './index-reader.js';
import { followIdHistory, readIdHistory, type HistoryStep } from './id-history.js';
import type { RunDirectory } from './run-directory.js';

/** One line of customers.csv. */
export interface CustomerSummary {
  readonly id: CustomerId;
  readonly permissionLevel: 1 | 2 | 3;
  readonly records: number;
  readonly identifiers: number;
  readonly sources: readonly string[];
}

export type CurrentCustomer =
  | { readonly kind: 'current'; readonly customer: CustomerSummary }
  /** `history` runs from the requested ID to `customer.id`. */
  | { readonly kind: 'redirected'; readonly customer: CustomerSummary; readonly history: readonly HistoryStep[] }
  | { readonly kind: 'not-found'; readonly reason: 'absent' | 'erased'; readonly history: readonly HistoryStep[] };

/** A customers index line as an object. */
export function summaryOf(line: CustomerLine): CustomerSummary {
  return { id: line[0] as CustomerId, permissionLevel: line[1], records: line[2], identifiers: line[3], sources: line[4] };
}

/**
 * The customer `id` names now. id_history.csv is read only when `id` is not a current customer.
 */
export async function currentCustomer(run: RunDirectory, id: string): Promise<CurrentCustomer> {
  const direct = await findEntry(run.index, 'customers', id);
  if (direct !== null) return { kind: 'current', customer: summaryOf(direct) };
  const found = new Map<string, CustomerLine>();
  const isCurrent = async (candidate: string) => {
    const line = await findEntry(run.index, 'customers', candidate);
    if (line !== null) found.set(candidate, line);
    return line !== null;
  };
  const outcome = await followIdHistory(await readIdHistory(run.dir), id, isCurrent);
  if (outcome.kind === 'current') return { kind: 'redirected', customer: summaryOf(found.get(outcome.id)!), history: outcome.steps };
  return { kind: 'not-found', reason: outcome.kind, history: outcome.steps };
}
