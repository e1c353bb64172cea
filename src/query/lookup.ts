// `lookup`: which customer holds an identifier (or a record, or a possibly retired customer ID).
import type { CustomerId } from '../ids/index.js';
import { currentCustomer, type CustomerSummary } from './current-customer.js';
import type { HistoryStep } from './id-history.js';
import { locateNode, type NotFoundReason, type QueryOptions } from './locate-node.js';
import { parseRef } from './ref.js';
import { openRunDirectory } from './run-directory.js';

export type LookupResult =
  | {
      readonly kind: 'found';
      /** The reference as given. */
      readonly ref: string;
      /** The node it names in the run's files; null when the reference was a customer ID. */
      readonly node: string | null;
      /** Records holding the identifier; null for a record or a customer ID. */
      readonly holders: number | null;
      readonly customer: CustomerSummary;
    }
  | {
      readonly kind: 'redirected';
      readonly ref: string;
      readonly node: string | null;
      readonly holders: number | null;
      /** The retired customer ID the reference led to. */
      readonly from: CustomerId;
      /** id_history.csv rows from `from` to `customer.id`. */
      readonly history: readonly HistoryStep[];
      readonly customer: CustomerSummary;
    }
  | { readonly kind: 'not-found'; readonly ref: string; readonly reason: NotFoundReason; readonly detail: string | null };

/**
 * Looks up which customer holds an identifier. The value is normalised as resolve normalised it
 * (with the run's phone region) and, in a pseudonymised run, pseudonymised with the key in
 * IDGRAPH_PSEUDONYM_KEY. Reads a few kilobytes of the run's query index, whatever the run's size.
 * @param dir a run directory (the --out of resolve)
 * @param ref `<type>:<value>` as typed, `record:<id>`, `record:<source>/<id>`, or a customer ID
 *   (a retired one redirects to its successor)
 * @returns found, redirected (a retired customer ID) or not-found with the reason
 * @throws IdgraphError RUN_DIR_INVALID, USAGE (malformed or ambiguous ref), MISSING_SECRET
 * @example
 * const result = await lookup('out/run', 'email:Anna.Schmidt+shop@Example.org');
 * if (result.kind !== 'not-found') console.log(result.customer.id); // cus_…
 */
export async function lookup(dir: string, ref: string, options: QueryOptions = {}): Promise<LookupResult> {
  const run = await openRunDirectory(dir);
  const parsed = parseRef(ref, ['identifier', 'record', 'customer']);
  let node: string | null = null;
  let holders: number | null = null;
  let customerId: string;
  if (parsed.kind === 'customer') {
    customerId = parsed.id;
  } else {
    const located = await locateNode(run, parsed, options);
    if (located.kind === 'not-found') return { kind: 'not-found', ref, reason: located.reason, detail: located.detail };
    if (located.customerId === null) return { kind: 'not-found', ref, reason: 'unattached', detail: null };
    ({ node, holders, customerId } = located);
  }
  const current = await currentCustomer(run, customerId);
  switch (current.kind) {
    case 'current':
      return { kind: 'found', ref, node, holders, customer: current.customer };
    case 'redirected':
      return { kind: 'redirected', ref, node, holders, from: customerId as CustomerId, history: current.history, customer: current.customer };
    case 'not-found':
      return { kind: 'not-found', ref, reason: current.reason, detail: null };
  }
}
