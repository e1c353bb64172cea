import { describe, expect, test } from 'vitest';
import { contentCustomerId } from '../../src/ids/customer-id.js';
import { nodeKey } from '../../src/identifiers/index.js';
import type { ResolutionResult } from '../../src/resolve/index.js';
import { remapCustomerIds } from '../../src/state/remap-result.js';

const A = contentCustomerId(['a']);
const B = contentCustomerId(['b']);
const Z = contentCustomerId(['z']);
const counts = {
  records: 2, customers: 2, identifiers: 1, identifiersWithoutCustomer: 1, linksApplied: 0, fuzzyLinksApplied: 0, fuzzyCandidates: 0,
  refusedByRule: { consent: 1, limit: 0, conflict: 0, junk: 0 }, invalidValues: 0, junkValues: 0, permissionLevels: { '1': 2, '2': 0, '3': 0 }, clusterSizes: { '1': 2 },
} as unknown as ResolutionResult['counts'];
const RESULT: ResolutionResult = {
  records: [
    { recordKey: 'crm/1', recordId: '1', source: 'crm', domain: 'crm', customerId: A },
    { recordKey: 'crm/2', recordId: '2', source: 'crm', domain: 'crm', customerId: B },
  ],
  identifiers: [
    { key: nodeKey('email', 'a@b.de'), type: 'email', value: 'a@b.de', customerId: A, records: 1 },
    { key: nodeKey('email', 'c@d.de'), type: 'email', value: 'c@d.de', customerId: null, records: 2 },
  ],
  customers: [
    { id: A, permissionLevel: 1, records: 1, identifiers: 1, sources: ['crm'] },
    { id: B, permissionLevel: 1, records: 1, identifiers: 0, sources: ['crm'] },
  ],
  links: [],
  refused: [{ from: 'record:crm/2', to: 'email:a@b.de', matcher: 'exact-email', weight: 1, rule: 'consent', detail: 'x', fromCustomer: B, toCustomer: A }],
  rejections: [],
  junk: [],
  counts,
};

describe('remapCustomerIds', () => {
  describe('should return the result itself', () => {
    test('for an identity mapping', () => {
      expect(remapCustomerIds(RESULT, new Map([[A, A], [B, B]]))).toBe(RESULT);
    });
  });

  describe('should fail loudly', () => {
    test('for a customer without an assigned ID', () => {
      expect(() => remapCustomerIds(RESULT, new Map([[A, Z]]))).toThrow('a customer has no assigned ID');
    });
  });

  describe('should replace every customer ID', () => {
    test('for records, identifiers, customers (re-sorted) and refused merges', () => {
      const mapped = remapCustomerIds(RESULT, new Map([[A, Z], [B, B]]));
      expect(mapped).toStrictEqual({
        ...RESULT,
        records: [{ ...RESULT.records[0]!, customerId: Z }, RESULT.records[1]],
        identifiers: [{ ...RESULT.identifiers[0]!, customerId: Z }, RESULT.identifiers[1]],
        customers: [{ ...RESULT.customers[0]!, id: Z }, RESULT.customers[1]!].sort((x, y) => (x.id < y.id ? -1 : 1)),
        refused: [{ ...RESULT.refused[0]!, fromCustomer: B, toCustomer: Z }],
      });
    });
  });
});
