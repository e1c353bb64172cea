import { describe, expect, test } from 'vitest';
import type { Domain } from '../../src/config/index.js';
import { parseCustomerId, type CustomerId } from '../../src/ids/index.js';
import { nodeKey, type IdentifierType } from '../../src/identifiers/index.js';
import { collectCustomerSubgraphs } from '../../src/pictures/customer-subgraphs.js';
import type { AppliedLink, RefusedMerge, ResolutionCounts, ResolutionResult } from '../../src/resolve/index.js';

const A = parseCustomerId('cus_aaaaaaaaaaaaaaaa')!;
const B = parseCustomerId('cus_bbbbbbbbbbbbbbbb')!;
const C = parseCustomerId('cus_cccccccccccccccc')!;

const record = (source: string, recordId: string, domain: Domain, customerId: CustomerId) => ({
  recordKey: `${source}/${recordId}`,
  recordId,
  source,
  domain,
  customerId,
});
const identifier = (type: IdentifierType, value: string, customerId: CustomerId | null) => ({
  key: nodeKey(type, value),
  type,
  value,
  customerId,
  records: 1,
});
const link = (from: string, to: string, customerId: CustomerId | null): AppliedLink => ({ from, to, matcher: 'exact-email', weight: 1, evidence: 'e', customerId });
const refusal = (from: string, to: string, fromCustomer: CustomerId | null, toCustomer: CustomerId | null): RefusedMerge => ({
  from,
  to,
  matcher: 'exact-email',
  weight: 1,
  rule: 'consent',
  detail: 'd',
  fromCustomer,
  toCustomer,
});

const RESULT: ResolutionResult = {
  records: [record('shop', 's1', 'crm', A), record('web', 'w1', 'online', A), record('shop', 's2', 'crm', B), record('app', 'p1', 'online', C)],
  identifiers: [identifier('email', 'a@x.de', A), identifier('email', 'b@x.de', B), identifier('login', 'orphan', null)],
  customers: [],
  links: [link('record:shop/s1', 'email:a@x.de', A), link('record:web/w1', 'email:a@x.de', A), link('record:shop/s2', 'email:b@x.de', B)],
  refused: [
    refusal('record:shop/s2', 'email:a@x.de', B, A),
    refusal('record:app/p1', 'email:b@x.de', C, B),
    refusal('login:orphan', 'record:shop/s1', null, A),
    refusal('record:shop/s1', 'record:web/w1', A, A),
  ],
  rejections: [],
  junk: [],
  counts: {} as ResolutionCounts,
};

describe('collectCustomerSubgraphs', () => {
  describe('should return no subgraphs', () => {
    test('for no customers asked', () => {
      expect(collectCustomerSubgraphs(RESULT, [])).toStrictEqual([]);
    });

    test('for an unknown customer', () => {
      expect(collectCustomerSubgraphs(RESULT, ['cus_zzzzzzzzzzzzzzzz'])).toStrictEqual([]);
    });
  });

  describe('should gather nodes, links and refusals of each customer asked, in the order asked', () => {
    test('for B then A (and A again); a refusal inside A listed once', () => {
      expect(collectCustomerSubgraphs(RESULT, [B, A, A])).toStrictEqual([
        {
          customerId: B,
          nodes: ['email:b@x.de', 'record:shop/s2'],
          links: [RESULT.links[2]],
          refused: [RESULT.refused[0], RESULT.refused[1]],
        },
        {
          customerId: A,
          nodes: ['email:a@x.de', 'record:shop/s1', 'record:web/w1'],
          links: [RESULT.links[0], RESULT.links[1]],
          refused: [RESULT.refused[0], RESULT.refused[2], RESULT.refused[3]],
        },
      ]);
    });

    test('for a customer with a record but no links', () => {
      expect(collectCustomerSubgraphs(RESULT, [C])).toStrictEqual([
        { customerId: C, nodes: ['record:app/p1'], links: [], refused: [RESULT.refused[1]] },
      ]);
    });
  });
});
