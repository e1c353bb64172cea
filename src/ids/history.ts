// The ID history: every retired (or split-off) customer ID with its successor, the event and when.
import type { CustomerId } from './customer-id.js';

/** Why an ID appears in the history. */
export type IdEvent = 'merged' | 'split' | 'erased';

/** Every event, in the order a retired ID's rows are written. */
export const ID_EVENTS: readonly IdEvent[] = ['split', 'merged', 'erased'];

/** @returns whether `value` names an ID history event */
export function isIdEvent(value: string): value is IdEvent {
  return (ID_EVENTS as readonly string[]).includes(value);
}

/**
 * One row of id_history.csv.
 * - merged: `oldId` was retired; its records now belong to `newId`.
 * - split: part of `oldId`'s records left for the new customer `newId` (`oldId` may live on).
 * - erased: `oldId` was forgotten on request; `newId` is null.
 */
export type IdHistoryEntry =
  | { readonly oldId: CustomerId; readonly newId: CustomerId; readonly event: 'merged' | 'split'; readonly at: string }
  | { readonly oldId: CustomerId; readonly newId: null; readonly event: 'erased'; readonly at: string };

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Within one old ID: split rows first, so the merge row (the retired ID's heir) is the last, and the one a redirect follows. */
const EVENT_RANK: Readonly<Record<IdEvent, number>> = { split: 0, merged: 1, erased: 2 };

/** Orders the events of one run: by old ID, event (split, merged, erased), new ID; independent of input order. */
export function compareHistoryEntries(a: IdHistoryEntry, b: IdHistoryEntry): number {
  return compare(a.oldId, b.oldId) || EVENT_RANK[a.event] - EVENT_RANK[b.event] || compare(a.newId ?? '', b.newId ?? '');
}
