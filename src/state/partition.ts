// The partition of a resolution: each content customer ID with its record keys, for the ID assignment.
import type { NewCustomer } from '../ids/index.js';
import type { ResolutionResult } from '../resolve/index.js';

/**
 * Groups the result's records by the content ID the engine gave them.
 * @returns one entry per customer, record keys in the result's (canonical) order
 */
export function partitionOf(result: Pick<ResolutionResult, 'records'>): NewCustomer[] {
  const keysOf = new Map<NewCustomer['contentId'], string[]>();
  for (const record of result.records) {
    let keys = keysOf.get(record.customerId);
    if (keys === undefined) keysOf.set(record.customerId, (keys = []));
    keys.push(record.recordKey);
  }
  return [...keysOf].map(([contentId, recordKeys]) => ({ contentId, recordKeys }));
}
