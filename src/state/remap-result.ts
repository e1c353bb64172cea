// Publishes a resolution under stable IDs: replaces every content customer ID by its assigned ID.
import { byCustomerId, type CustomerId } from '../ids/index.js';
import type { ResolutionResult } from '../resolve/index.js';

/**
 * Rewrites the customer IDs of records, identifiers, customers (re-sorted by ID) and refused
 * merges through `idOf`. Largest-customer lists and the query index must be built afterwards.
 * @param result the engine's result (content IDs)
 * @param idOf content ID → published ID, for every customer of `result`
 * @returns the same result under the published IDs (the input object when nothing changes)
 * @throws Error when a customer has no assigned ID (a bug, reported as an internal error)
 */
export function remapCustomerIds(result: ResolutionResult, idOf: ReadonlyMap<CustomerId, CustomerId>): ResolutionResult {
  let changed = false;
  for (const [from, to] of idOf) {
    if (from !== to) {
      changed = true;
      break;
    }
  }
  if (!changed) return result;
  const map = (id: CustomerId): CustomerId => {
    const to = idOf.get(id);
    if (to === undefined) throw new Error('remapCustomerIds: a customer has no assigned ID');
    return to;
  };
  const mapNullable = (id: CustomerId | null) => (id === null ? null : map(id));
  // Most customers keep their content ID (unchanged since the run that issued it): their rows are reused, not copied.
  return {
    ...result,
    records: result.records.map((record) => {
      const customerId = map(record.customerId);
      return customerId === record.customerId ? record : { ...record, customerId };
    }),
    identifiers: result.identifiers.map((identifier) => {
      const customerId = mapNullable(identifier.customerId);
      return customerId === identifier.customerId ? identifier : { ...identifier, customerId };
    }),
    customers: result.customers
      .map((customer) => {
        const id = map(customer.id);
        return id === customer.id ? customer : { ...customer, id };
      })
      .sort(byCustomerId),
    refused: result.refused.map((refusal) => {
      const fromCustomer = mapNullable(refusal.fromCustomer);
      const toCustomer = mapNullable(refusal.toCustomer);
      return fromCustomer === refusal.fromCustomer && toCustomer === refusal.toCustomer ? refusal : { ...refusal, fromCustomer, toCustomer };
    }),
  };
}
