// Persistent customer IDs: the pure assignment of IDs to a new partition against the previous run's.
import { contentCustomerId, type CustomerId } from './customer-id.js';
import { compareHistoryEntries, type IdHistoryEntry } from './history.js';

/** A customer of the new run: its content-derived ID and its record keys (`source/record_id`, any fixed order). */
export interface NewCustomer {
  readonly contentId: CustomerId;
  readonly recordKeys: readonly string[];
}

/** What the state remembers of a previous customer. */
export interface PreviousCustomer {
  /** Number of records it held in the previous run (the merge rule compares these). */
  readonly records: number;
  /** ISO 8601 time of the run that first issued the ID (the tie rule: older wins). */
  readonly firstSeen: string;
}

/** The previous run as the ID assignment needs it. */
export interface PreviousIds {
  /** Record key → the customer ID it had. */
  readonly customerOf: ReadonlyMap<string, CustomerId>;
  /** Every customer `customerOf` refers to (src/state/read-state.ts checks this). */
  readonly customers: ReadonlyMap<CustomerId, PreviousCustomer>;
  /** Every ID the history names (old or new): never issued again to another customer. */
  readonly retired: ReadonlySet<string>;
}

/**
 * How a new customer relates to the previous run:
 * - new: none of its records existed before;
 * - kept: exactly the records of one previous customer;
 * - grown: all records of one previous customer plus new records;
 * - merged: records of two or more previous customers;
 * - split: part (not all) of one previous customer's records, with or without new ones.
 */
export type CustomerChange = 'new' | 'kept' | 'grown' | 'merged' | 'split';

/** The changes in the order the report lists them. */
export const CUSTOMER_CHANGES: readonly CustomerChange[] = ['kept', 'grown', 'merged', 'split', 'new'];

/** The `stability` section of report.json. */
export interface StabilityStats {
  readonly previousCustomers: number;
  /** New customers by how they relate to the previous run (they sum to the number of customers). */
  readonly customers: Readonly<Record<CustomerChange, number>>;
  /** Previous IDs no longer in use (merged into another customer). */
  readonly retired: number;
  /** History rows this run added, by event. */
  readonly events: Readonly<{ merged: number; split: number }>;
  /** ID churn: the previous records whose customer ID changed, and why. */
  readonly churn: {
    readonly previousRecords: number;
    readonly changed: number;
    /** changed / previousRecords (0 when there were none). */
    readonly share: number;
    /** merged: their customer's ID was retired by a merge; split: they left with a split-off part. */
    readonly causes: Readonly<{ merged: number; split: number }>;
  };
}

/** The outcome of the ID assignment. */
export interface IdAssignment {
  /** Content ID (from the engine) → the ID to publish. */
  readonly idOf: ReadonlyMap<CustomerId, CustomerId>;
  /** Published ID → when it was first issued (kept from the previous run, or `at`). */
  readonly firstSeen: ReadonlyMap<CustomerId, string>;
  /** Published ID → how the customer relates to the previous run. */
  readonly change: ReadonlyMap<CustomerId, CustomerChange>;
  /** This run's history rows, in canonical order. */
  readonly history: readonly IdHistoryEntry[];
  readonly stats: StabilityStats;
}

/** The records one new customer holds of one previous customer. */
interface Part {
  readonly old: CustomerId;
  readonly customer: number;
  count: number;
  /** The smallest of the previous customer's record keys in this part: a tie-break independent of input order. */
  minKey: string;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A salted content ID for a customer whose content ID was issued before (to a live or retired
 * customer), so no ID is ever issued to two customers.
 */
function saltedId(customer: NewCustomer, isTaken: (id: string) => boolean): CustomerId {
  let id = customer.contentId;
  for (let salt = 1; isTaken(id); salt++) id = contentCustomerId([...customer.recordKeys, `#${salt}`]);
  return id;
}

/** A first run: every customer gets its content ID and is new. */
function firstRun(customers: readonly NewCustomer[], at: string): IdAssignment {
  const idOf = new Map<CustomerId, CustomerId>();
  const firstSeen = new Map<CustomerId, string>();
  const change = new Map<CustomerId, CustomerChange>();
  for (const { contentId } of customers) {
    idOf.set(contentId, contentId);
    firstSeen.set(contentId, at);
    change.set(contentId, 'new');
  }
  return {
    idOf,
    firstSeen,
    change,
    history: [],
    stats: {
      previousCustomers: 0,
      customers: { kept: 0, grown: 0, merged: 0, split: 0, new: customers.length },
      retired: 0,
      events: { merged: 0, split: 0 },
      churn: { previousRecords: 0, changed: 0, share: 0, causes: { merged: 0, split: 0 } },
    },
  };
}

/**
 * Assigns the IDs of a run's customers so they stay stable against the previous run (DESIGN.md,
 * Customer IDs): a customer that is unchanged or only grew keeps its ID; in a merge the previous
 * customer with more records keeps its ID (ties: the older `firstSeen`, then the smaller ID);
 * in a split the part holding most of the previous records keeps it (ties: the part holding the
 * smallest of its record keys); every other customer gets its content ID. Pure and deterministic:
 * the result depends neither on the order of `customers` nor on the clock (`at` is passed in).
 *
 * @param customers the new partition: content ID and record keys per customer
 * @param previous the previous run's IDs, or null for a first run (every ID is the content ID)
 * @param at ISO 8601 time of this run, written into new history rows and first-seen times
 * @returns the published ID per content ID, first-seen times, history rows and stability stats
 * @example
 * const { idOf } = stabiliseIds([{ contentId, recordKeys: ['crm/1', 'shop/9'] }], previous, '2024-05-01T00:00:00.000Z');
 */
export function stabiliseIds(customers: readonly NewCustomer[], previous: PreviousIds | null, at: string): IdAssignment {
  if (previous === null) return firstRun(customers, at);
  const { customerOf } = previous;

  // Overlaps: which previous customers each new customer holds records of, and how many.
  // NOTE: a plain array searched linearly: a customer almost always holds records of 0 or 1
  // previous customers, and a Map per customer costs more than the search at 1M records.
  const partsOf = new Map<CustomerId, Part[]>();
  const overlaps: Part[][] = customers.map((customer, index) => {
    const parts: Part[] = [];
    for (const key of customer.recordKeys) {
      const old = customerOf.get(key);
      if (old === undefined) continue;
      const part = parts.find((candidate) => candidate.old === old);
      if (part === undefined) parts.push({ old, customer: index, count: 1, minKey: key });
      else {
        part.count++;
        if (key < part.minKey) part.minKey = key;
      }
    }
    for (const part of parts) {
      const list = partsOf.get(part.old);
      if (list === undefined) partsOf.set(part.old, [part]);
      else list.push(part);
    }
    return parts;
  });

  // Split rule: each previous customer's heir is the part holding most of its records.
  const heirOf = new Map<CustomerId, number>();
  for (const [old, parts] of partsOf) {
    let best = parts[0]!;
    for (const part of parts) {
      if (part.count > best.count || (part.count === best.count && part.minKey < best.minKey)) best = part;
    }
    heirOf.set(old, best.customer);
  }

  // Merge rule: among the previous customers a new customer is heir of, the largest keeps its ID.
  const previousRecords = (id: CustomerId) => previous.customers.get(id)?.records ?? 0;
  const firstSeenOf = (id: CustomerId) => previous.customers.get(id)?.firstSeen ?? at;
  const inherited: (CustomerId | null)[] = customers.map(() => null);
  for (const [old, heir] of heirOf) {
    const current = inherited[heir] ?? null;
    if (
      current === null ||
      previousRecords(old) > previousRecords(current) ||
      (previousRecords(old) === previousRecords(current) &&
        (compare(firstSeenOf(old), firstSeenOf(current)) || compare(old, current)) < 0)
    ) {
      inherited[heir] = old;
    }
  }

  // Fresh IDs: the content ID unless it was issued before; the (rare) others are salted in
  // content-ID order, so the outcome does not depend on the order of `customers`.
  const issuedBefore = (id: string) => previous.customers.has(id as CustomerId) || previous.retired.has(id);
  const pending: number[] = [];
  const published: CustomerId[] = customers.map((customer, index) => {
    const id = inherited[index] ?? customer.contentId;
    if (id === customer.contentId && inherited[index] === null && issuedBefore(id)) pending.push(index);
    return id;
  });
  if (pending.length > 0) {
    const issued = new Set<string>(published);
    pending.sort((a, b) => compare(customers[a]!.contentId, customers[b]!.contentId));
    for (const index of pending) {
      const id = saltedId(customers[index]!, (candidate) => issuedBefore(candidate) || issued.has(candidate));
      issued.add(id);
      published[index] = id;
    }
  }
  const idOf = new Map<CustomerId, CustomerId>();
  customers.forEach((customer, index) => idOf.set(customer.contentId, published[index]!));

  const history: IdHistoryEntry[] = [];
  const firstSeen = new Map<CustomerId, string>();
  const change = new Map<CustomerId, CustomerChange>();
  const counts: Record<CustomerChange, number> = { kept: 0, grown: 0, merged: 0, split: 0, new: 0 };
  const causes = { merged: 0, split: 0 };
  let previousTotal = 0;
  let retired = 0;

  for (const [old, heir] of heirOf) {
    if (inherited[heir] !== old) {
      retired++;
      history.push({ oldId: old, newId: published[heir]!, event: 'merged', at });
    }
    for (const part of partsOf.get(old)!) {
      if (part.customer !== heir) history.push({ oldId: old, newId: published[part.customer]!, event: 'split', at });
    }
  }

  customers.forEach((customer, index) => {
    const id = published[index]!;
    const parts = overlaps[index]!;
    const own = inherited[index] ?? null;
    firstSeen.set(id, own === null ? at : firstSeenOf(own));
    let kind: CustomerChange;
    if (parts.length === 0) kind = 'new';
    else if (parts.length > 1) kind = 'merged';
    else if (partsOf.get(parts[0]!.old)!.length > 1) kind = 'split';
    else kind = parts[0]!.count === customer.recordKeys.length ? 'kept' : 'grown';
    counts[kind]++;
    change.set(id, kind);
    for (const part of parts) {
      previousTotal += part.count;
      if (part.old === id) continue;
      if (heirOf.get(part.old) === index) causes.merged += part.count;
      else causes.split += part.count;
    }
  });

  history.sort(compareHistoryEntries);
  const changed = causes.merged + causes.split;
  return {
    idOf,
    firstSeen,
    change,
    history,
    stats: {
      previousCustomers: previous.customers.size,
      customers: counts,
      retired,
      events: {
        merged: history.filter((entry) => entry.event === 'merged').length,
        split: history.filter((entry) => entry.event === 'split').length,
      },
      churn: {
        previousRecords: previousTotal,
        changed,
        share: previousTotal === 0 ? 0 : changed / previousTotal,
        causes,
      },
    },
  };
}
