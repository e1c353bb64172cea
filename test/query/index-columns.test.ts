import { describe, expect, test } from 'vitest';
import { customerAt, toIndexColumns, valueAt } from '../../src/query/index-columns.js';
import type { RefusalRule } from '../../src/resolve/index.js';
import type { IndexSource } from '../../src/query/index-source.js';
import type { CustomerId } from '../../src/ids/index.js';
import type { IdentifierType, NodeKey } from '../../src/identifiers/index.js';

const A = 'cus_aaaaaaaaaaaaaaaa' as CustomerId;
const B = 'cus_bbbbbbbbbbbbbbbb' as CustomerId;

const source: IndexSource = {
  records: [
    { recordId: 'r,1', source: 'shop', customerId: A },
    { recordId: 'line\nbreak', source: 'crm', customerId: B },
  ],
  identifiers: [
    { type: 'email', value: 'anna@example.org', customerId: A, records: 2 },
    { type: 'phone', value: '+491711234567', customerId: null, records: 1 },
  ],
  customers: [
    { id: A, permissionLevel: 3, records: 1, identifiers: 1, sources: ['shop'] },
    { id: B, permissionLevel: 1, records: 1, identifiers: 0, sources: ['crm', 'web\nshop'] },
  ],
  links: [
    { from: 'record:shop/r,1', to: 'email:anna@example.org', matcher: 'exact-email', weight: 1, evidence: 'record holds this email', customerId: A },
    { from: 'login:l', to: 'cookie_id:c', matcher: 'exact-login', weight: 0.5, evidence: 'no record: no customer', customerId: null },
  ],
  refused: [
    { from: 'record:crm/x', to: 'phone:+491711234567', matcher: 'exact-phone', weight: 0.875, rule: 'consent', detail: 'no CRM permission', fromCustomer: B, toCustomer: null },
  ],
  junk: [{ key: 'email:test@test.de' as NodeKey, reason: 'placeholder', records: 4 }],
};

/**
 * The rows the two parts hold, read back through the writer's accessors after each part went
 * through a structured clone (what the worker receives): the encoding must lose nothing.
 */
function roundTrip(whole: IndexSource): IndexSource {
  const columns = toIndexColumns(whole);
  const members = structuredClone(columns.members);
  const edges = structuredClone(columns.edges());
  const ids = [...members.customerIds, ...edges.moreCustomerIds];
  const { records, identifiers, customers } = members;
  const { links, refused } = edges;
  return {
    records: records.recordId.map((recordId, at) => ({ recordId, source: valueAt(records.source, at), customerId: customerAt(ids, records.customerId, at) as CustomerId })),
    identifiers: identifiers.value.map((value, at) => ({
      type: valueAt(identifiers.type, at) as IdentifierType,
      value,
      customerId: customerAt(ids, identifiers.customerId, at) as CustomerId | null,
      records: identifiers.records[at]!,
    })),
    customers: Array.from(customers.permissionLevel, (level, at) => ({
      id: ids[at] as CustomerId,
      permissionLevel: level as 1 | 2 | 3,
      records: customers.records[at]!,
      identifiers: customers.identifiers[at]!,
      sources: customers.sources[at]!,
    })),
    links: links.from.map((from, at) => ({
      from,
      to: links.to[at]!,
      matcher: valueAt(links.matcher, at),
      weight: links.weight[at]!,
      evidence: valueAt(links.evidence, at),
      customerId: customerAt(ids, links.customerId, at) as CustomerId | null,
    })),
    refused: refused.from.map((from, at) => ({
      from,
      to: refused.to[at]!,
      matcher: valueAt(refused.matcher, at),
      weight: refused.weight[at]!,
      rule: valueAt(refused.rule, at) as RefusalRule,
      detail: valueAt(refused.detail, at),
      fromCustomer: customerAt(ids, refused.fromCustomer, at) as CustomerId | null,
      toCustomer: customerAt(ids, refused.toCustomer, at) as CustomerId | null,
    })),
    junk: members.junk,
  };
}

describe('toIndexColumns', () => {
  test('should give back every row as it was, nulls, separators and fractional weights included', () => {
    expect(roundTrip(source)).toStrictEqual(source);
  });

  test('should send a repeated value once, with a code per row', () => {
    const repeated: IndexSource = { ...source, links: [source.links[0]!, source.links[0]!, { ...source.links[0]!, evidence: 'other' }] };
    const { links } = toIndexColumns(repeated).edges();
    expect(links.matcher.values).toStrictEqual(['exact-email']);
    expect(links.evidence.values).toStrictEqual(['record holds this email', 'other']);
    expect([...links.evidence.codes]).toStrictEqual([0, 0, 1]);
    expect(roundTrip(repeated)).toStrictEqual(repeated);
  });

  test('should send each customer ID once (customers first, in their order), rows referring to it by position', () => {
    const { members, edges } = toIndexColumns(source);
    expect(members.customerIds).toStrictEqual([A, B]);
    expect([...members.records.customerId]).toStrictEqual([0, 1]);
    const { refused, links, moreCustomerIds } = edges();
    expect([...refused.fromCustomer, ...refused.toCustomer]).toStrictEqual([1, -1]);
    expect([...links.customerId]).toStrictEqual([0, -1]);
    expect(moreCustomerIds).toStrictEqual([]);
  });

  test('should keep customer IDs that no customer row has (hand-edited run files), in either part', () => {
    const stray = 'cus_cccccccccccccccc' as CustomerId;
    const other = 'cus_dddddddddddddddd' as CustomerId;
    const odd: IndexSource = {
      ...source,
      records: [...source.records, { recordId: 'r9', source: 'shop', customerId: stray }],
      refused: [...source.refused, { ...source.refused[0]!, toCustomer: other }, { ...source.refused[0]!, fromCustomer: stray }],
    };
    const { members, edges } = toIndexColumns(odd);
    expect(members.customerIds).toStrictEqual([A, B, stray]);
    expect(edges().moreCustomerIds).toStrictEqual([other]);
    expect(roundTrip(odd)).toStrictEqual(odd);
  });

  test('should keep a customer on two rows (a hand-edited customers.csv) as two rows, its items pointing at the first', () => {
    const twice: IndexSource = { ...source, customers: [...source.customers, source.customers[0]!] };
    const { members } = toIndexColumns(twice);
    expect(members.customerIds).toStrictEqual([A, B, A]);
    expect([...members.records.customerId]).toStrictEqual([0, 1]);
    expect(roundTrip(twice)).toStrictEqual(twice);
  });

  test('should give empty tables for an empty source', () => {
    const empty: IndexSource = { records: [], identifiers: [], customers: [], links: [], refused: [], junk: [] };
    expect(roundTrip(empty)).toStrictEqual(empty);
  });
});
