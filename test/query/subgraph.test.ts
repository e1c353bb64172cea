import { describe, expect, test } from 'vitest';
import type { CustomerId } from '../../src/ids/index.js';
import type { CustomerView } from '../../src/query/customer.js';
import { customersSubgraph, pathSubgraph } from '../../src/query/subgraph.js';

const view = (id: string, extra: Partial<CustomerView> = {}): CustomerView => ({
  id: id as CustomerId,
  permissionLevel: 3,
  sources: ['shop'],
  identifiers: [{ type: 'email', value: 'a@example.org', records: 1 }],
  records: [
    { source: 'shop', recordId: '1' },
    { source: 'shop', recordId: '2' },
  ],
  links: [{ from: 'record:shop/1', to: 'email:a@example.org', matcher: 'exact-email', weight: 1, evidence: 'record holds this email' }],
  refused: [],
  ...extra,
});

describe('customersSubgraph', () => {
  describe('should draw nothing', () => {
    test('for no customers', () => {
      const { graph, refused } = customersSubgraph([]);
      expect([graph.order, graph.size, refused]).toStrictEqual([0, 0, []]);
    });
  });

  describe('should hold every member, linked or not', () => {
    test('for a customer with an unlinked record', () => {
      const { graph } = customersSubgraph([view('cus_000000000000000a')]);
      expect(graph.nodes()).toStrictEqual(['email:a@example.org', 'record:shop/1', 'record:shop/2']);
      expect(graph.getNodeAttributes('record:shop/2')).toStrictEqual({ kind: 'record', source: 'shop', recordId: '2' });
      expect(graph.size).toBe(1);
    });
  });

  describe('should list each refused merge once', () => {
    test('for a refusal seen from both customers', () => {
      const merge = {
        from: 'record:shop/1',
        to: 'record:crm/9',
        rule: 'consent' as const,
        detail: 'needs both permissions',
        matcher: 'name',
        weight: 0.9,
        fromCustomer: 'cus_000000000000000a' as CustomerId,
        toCustomer: 'cus_000000000000000b' as CustomerId,
      };
      const { refused } = customersSubgraph([view('cus_000000000000000a', { refused: [merge] }), view('cus_000000000000000b', { refused: [merge] })]);
      expect(refused).toStrictEqual([merge]);
    });
  });
});

describe('pathSubgraph', () => {
  describe('should hold the hops and both ends', () => {
    test('for a zero-hop path', () => {
      expect(pathSubgraph([], ['email:a@example.org', 'email:a@example.org']).graph.nodes()).toStrictEqual(['email:a@example.org']);
    });
  });
});
