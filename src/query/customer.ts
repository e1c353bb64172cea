// `customer`: one customer with its identifiers, records, sources, links and refused merges.
import { errors } from '../errors/index.js';
import type { CustomerId } from '../ids/index.js';
import { currentCustomer } from './current-customer.js';
import type { HistoryStep } from './id-history.js';
import { findEntry } from './index-reader.js';
import { parseRef, printable } from './ref.js';
import { openRunDirectory, type RunDirectory } from './run-directory.js';
import { linkView, refusedView, type LinkView, type RefusedView } from './views.js';

/** Everything the run holds about one customer. */
export interface CustomerView {
  readonly id: CustomerId;
  readonly permissionLevel: 1 | 2 | 3;
  readonly sources: readonly string[];
  /** Sorted by type, then value; `records` is how many records hold it. */
  readonly identifiers: readonly { readonly type: string; readonly value: string; readonly records: number }[];
  /** Sorted by source, then record ID. */
  readonly records: readonly { readonly source: string; readonly recordId: string }[];
  /** The applied links inside the customer. */
  readonly links: readonly LinkView[];
  /** Refused merges with the customer on either side. */
  readonly refused: readonly RefusedView[];
}

export type CustomerResult =
  | { readonly kind: 'found'; readonly requested: string; readonly customer: CustomerView }
  | { readonly kind: 'redirected'; readonly requested: string; readonly history: readonly HistoryStep[]; readonly customer: CustomerView }
  | { readonly kind: 'not-found'; readonly requested: string; readonly reason: 'absent' | 'erased' };

/** The full view of a current customer `id` of `run`, or null when the index has no details for it. */
export async function customerView(run: RunDirectory, id: string): Promise<CustomerView | null> {
  const [summary, details] = await Promise.all([findEntry(run.index, 'customers', id), findEntry(run.index, 'details', id)]);
  if (summary === null || details === null) return null;
  const [, identifiers, records, links, refused] = details;
  return {
    id: summary[0] as CustomerId,
    permissionLevel: summary[1],
    sources: summary[4],
    identifiers: identifiers.map(([type, value, count]) => ({ type, value, records: count })),
    records: records.map(([source, recordId]) => ({ source, recordId })),
    links: links.map(linkView),
    refused: refused.map(refusedView),
  };
}

/**
 * Shows a customer. A retired ID (id_history.csv) redirects to the customer holding its records now.
 * @param dir a run directory (the --out of resolve)
 * @param id a customer ID, `cus_` + 16 characters
 * @throws IdgraphError RUN_DIR_INVALID, USAGE when `id` is not a customer ID
 * @example
 * const result = await customer('out/run', 'cus_0a1b2c3d4e5f6g7h');
 * if (result.kind !== 'not-found') console.log(result.customer.records.length);
 */
export async function customer(dir: string, id: string): Promise<CustomerResult> {
  const run = await openRunDirectory(dir);
  const parsed = parseRef(id, ['customer']);
  if (parsed.kind !== 'customer') throw errors.badReference(printable(id), 'a customer ID');
  const current = await currentCustomer(run, parsed.id);
  if (current.kind === 'not-found') return { kind: 'not-found', requested: id, reason: current.reason };
  const view = await customerView(run, current.customer.id);
  if (view === null) throw errors.runDirInvalid(dir, 'the query index lists a customer without its details');
  return current.kind === 'current'
    ? { kind: 'found', requested: id, customer: view }
    : { kind: 'redirected', requested: id, history: current.history, customer: view };
}
