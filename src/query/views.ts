// The shapes queries return for links and refused merges (objects, where the index stores arrays).
import type { CustomerId } from '../ids/index.js';
import type { RefusalRule } from '../resolve/index.js';
import type { LinkRow, RefusedRow } from './index-format.js';

/** An applied link (a line of links.csv). */
export interface LinkView {
  readonly from: string;
  readonly to: string;
  readonly matcher: string;
  readonly weight: number;
  readonly evidence: string;
}

/** A refused merge (a line of refused.csv). */
export interface RefusedView {
  readonly from: string;
  readonly to: string;
  readonly rule: RefusalRule;
  readonly detail: string;
  readonly matcher: string;
  readonly weight: number;
  readonly fromCustomer: CustomerId | null;
  readonly toCustomer: CustomerId | null;
}

/** A links row of the index as an object. */
export function linkView([from, to, matcher, weight, evidence]: LinkRow): LinkView {
  return { from, to, matcher, weight, evidence };
}

/** A refused row of the index as an object. */
export function refusedView([from, to, rule, detail, matcher, weight, fromCustomer, toCustomer]: RefusedRow): RefusedView {
  return { from, to, rule, detail, matcher, weight, fromCustomer: fromCustomer as CustomerId | null, toCustomer: toCustomer as CustomerId | null };
}
