import { describe, expect, test } from 'vitest';
import { contentCustomerId, type CustomerId } from '../../src/ids/customer-id.js';
import { stabiliseIds, type NewCustomer, type PreviousIds } from '../../src/ids/stabilise.js';

const AT = '2024-06-01T00:00:00.000Z';
const OLD = '2024-01-01T00:00:00.000Z';
const OLDER = '2023-01-01T00:00:00.000Z';

const customer = (...recordKeys: string[]): NewCustomer => ({ contentId: contentCustomerId(recordKeys), recordKeys });
/** A previous ID that is not the content ID of any set used below. */
const id = (name: string): CustomerId => contentCustomerId([`previous:${name}`]);

/** Builds the previous run: ID → its record keys (and first-seen time). */
function previousOf(customers: Record<string, { keys: string[]; firstSeen?: string }>, retired: string[] = []): PreviousIds {
  const customerOf = new Map<string, CustomerId>();
  const byId = new Map<CustomerId, { records: number; firstSeen: string }>();
  for (const [name, { keys, firstSeen }] of Object.entries(customers)) {
    for (const key of keys) customerOf.set(key, id(name));
    byId.set(id(name), { records: keys.length, firstSeen: firstSeen ?? OLD });
  }
  return { customerOf, customers: byId, retired: new Set(retired) };
}

const noChurn = { previousRecords: 0, changed: 0, share: 0, causes: { merged: 0, split: 0 } };

describe('stabiliseIds', () => {
  describe('should handle degenerate input', () => {
    test('for no customers and no previous run', () => {
      const assignment = stabiliseIds([], null, AT);
      expect(assignment).toStrictEqual({
        idOf: new Map(),
        firstSeen: new Map(),
        change: new Map(),
        history: [],
        stats: { previousCustomers: 0, customers: { kept: 0, grown: 0, merged: 0, split: 0, new: 0 }, retired: 0, events: { merged: 0, split: 0 }, churn: noChurn },
      });
    });

    test('for a first run: every customer keeps its content ID and is new', () => {
      const a = customer('crm/1', 'shop/1');
      const b = customer('web/9');
      const assignment = stabiliseIds([a, b], null, AT);
      expect(assignment.idOf).toStrictEqual(new Map([[a.contentId, a.contentId], [b.contentId, b.contentId]]));
      expect(assignment.firstSeen).toStrictEqual(new Map([[a.contentId, AT], [b.contentId, AT]]));
      expect(assignment.history).toStrictEqual([]);
      expect(assignment.stats.customers).toStrictEqual({ kept: 0, grown: 0, merged: 0, split: 0, new: 2 });
    });

    test('for a previous run whose records all vanished: nothing inherits, nothing is retired', () => {
      const previous = previousOf({ A: { keys: ['crm/1'] } });
      const fresh = customer('crm/2');
      const assignment = stabiliseIds([fresh], previous, AT);
      expect(assignment.idOf.get(fresh.contentId)).toBe(fresh.contentId);
      expect(assignment.history).toStrictEqual([]);
      expect(assignment.stats.retired).toBe(0);
    });
  });

  describe('should keep the ID', () => {
    test('for an unchanged customer', () => {
      const previous = previousOf({ A: { keys: ['crm/1', 'shop/1'], firstSeen: OLDER } });
      const same = customer('crm/1', 'shop/1');
      const assignment = stabiliseIds([same], previous, AT);
      expect(assignment.idOf).toStrictEqual(new Map([[same.contentId, id('A')]]));
      expect(assignment.firstSeen).toStrictEqual(new Map([[id('A'), OLDER]]));
      expect(assignment.change).toStrictEqual(new Map([[id('A'), 'kept']]));
      expect(assignment.stats.churn).toStrictEqual({ previousRecords: 2, changed: 0, share: 0, causes: { merged: 0, split: 0 } });
    });

    test('for a customer that only grew', () => {
      const previous = previousOf({ A: { keys: ['crm/1'] } });
      const grown = customer('crm/1', 'web/5', 'web/6');
      const assignment = stabiliseIds([grown], previous, AT);
      expect(assignment.idOf.get(grown.contentId)).toBe(id('A'));
      expect(assignment.change.get(id('A'))).toBe('grown');
      expect(assignment.history).toStrictEqual([]);
    });
  });

  describe('should apply the merge rule', () => {
    test('for two customers of different size: the larger keeps its ID, the other is retired', () => {
      const previous = previousOf({ small: { keys: ['crm/1'], firstSeen: OLDER }, large: { keys: ['shop/1', 'shop/2'] } });
      const merged = customer('crm/1', 'shop/1', 'shop/2', 'web/1');
      const assignment = stabiliseIds([merged], previous, AT);
      expect(assignment.idOf.get(merged.contentId)).toBe(id('large'));
      expect(assignment.history).toStrictEqual([{ oldId: id('small'), newId: id('large'), event: 'merged', at: AT }]);
      expect(assignment.stats).toStrictEqual({
        previousCustomers: 2,
        customers: { kept: 0, grown: 0, merged: 1, split: 0, new: 0 },
        retired: 1,
        events: { merged: 1, split: 0 },
        churn: { previousRecords: 3, changed: 1, share: 1 / 3, causes: { merged: 1, split: 0 } },
      });
    });

    test('for a tie in size: the older customer keeps its ID', () => {
      const previous = previousOf({ young: { keys: ['crm/1'], firstSeen: OLD }, old: { keys: ['shop/1'], firstSeen: OLDER } });
      const merged = customer('crm/1', 'shop/1');
      const assignment = stabiliseIds([merged], previous, AT);
      expect(assignment.idOf.get(merged.contentId)).toBe(id('old'));
      expect(assignment.firstSeen.get(id('old'))).toBe(OLDER);
    });

    test('for a tie in size and age: the smaller ID keeps it', () => {
      const previous = previousOf({ x: { keys: ['crm/1'] }, y: { keys: ['shop/1'] } });
      const merged = customer('crm/1', 'shop/1');
      const smaller = [id('x'), id('y')].sort()[0];
      expect(stabiliseIds([merged], previous, AT).idOf.get(merged.contentId)).toBe(smaller);
    });
  });

  describe('should apply the split rule', () => {
    test('for a split: the part with most previous records keeps the ID, the other gets its content ID', () => {
      const previous = previousOf({ A: { keys: ['crm/1', 'shop/1', 'web/1'] } });
      const big = customer('crm/1', 'shop/1');
      const small = customer('web/1');
      const assignment = stabiliseIds([small, big], previous, AT);
      expect(assignment.idOf).toStrictEqual(new Map([[big.contentId, id('A')], [small.contentId, small.contentId]].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)) as [CustomerId, CustomerId][]));
      expect(assignment.history).toStrictEqual([{ oldId: id('A'), newId: small.contentId, event: 'split', at: AT }]);
      expect(assignment.change).toStrictEqual(new Map([[id('A'), 'split'], [small.contentId, 'split']]));
      expect(assignment.firstSeen.get(small.contentId)).toBe(AT);
      expect(assignment.stats.churn).toStrictEqual({ previousRecords: 3, changed: 1, share: 1 / 3, causes: { merged: 0, split: 1 } });
      expect(assignment.stats.retired).toBe(0);
    });

    test('for an even split: the part holding the smallest record key keeps the ID', () => {
      const previous = previousOf({ A: { keys: ['crm/1', 'web/1'] } });
      const first = customer('crm/1', 'web/7');
      const second = customer('web/1', 'app/3');
      const assignment = stabiliseIds([second, first], previous, AT);
      expect(assignment.idOf.get(first.contentId)).toBe(id('A'));
      expect(assignment.idOf.get(second.contentId)).toBe(second.contentId);
    });

    test('for a split part that merges with another customer: each rule decides its own ID', () => {
      // A = {crm/1, crm/2, crm/3} splits: {crm/1, crm/2} stays, {crm/3} joins B = {shop/1}.
      const previous = previousOf({ A: { keys: ['crm/1', 'crm/2', 'crm/3'] }, B: { keys: ['shop/1'] } });
      const rest = customer('crm/1', 'crm/2');
      const joined = customer('crm/3', 'shop/1');
      const assignment = stabiliseIds([rest, joined], previous, AT);
      expect(assignment.idOf.get(rest.contentId)).toBe(id('A'));
      expect(assignment.idOf.get(joined.contentId)).toBe(id('B'));
      expect(assignment.history).toStrictEqual([{ oldId: id('A'), newId: id('B'), event: 'split', at: AT }]);
      expect(assignment.change.get(id('B'))).toBe('merged');
    });

    test('for a retired ID that also split: the split row comes first, the merge row (its heir) last', () => {
      // A = {crm/1, crm/2, crm/3} loses crm/3 to a new customer and merges the rest into bigger B.
      const previous = previousOf({ A: { keys: ['crm/1', 'crm/2', 'crm/3'] }, B: { keys: ['shop/1', 'shop/2', 'shop/3', 'shop/4'] } });
      const joined = customer('crm/1', 'crm/2', 'shop/1', 'shop/2', 'shop/3', 'shop/4');
      const alone = customer('crm/3');
      const assignment = stabiliseIds([alone, joined], previous, AT);
      expect(assignment.history).toStrictEqual([
        { oldId: id('A'), newId: alone.contentId, event: 'split', at: AT },
        { oldId: id('A'), newId: id('B'), event: 'merged', at: AT },
      ]);
      expect(assignment.stats.churn.causes).toStrictEqual({ merged: 2, split: 1 });
    });
  });

  describe('should never issue an ID twice', () => {
    test('for a new customer whose content ID is in the history: a salted content ID', () => {
      const fresh = customer('crm/9');
      const previous = previousOf({ A: { keys: ['crm/1'] } }, [fresh.contentId]);
      const assigned = stabiliseIds([fresh], previous, AT).idOf.get(fresh.contentId)!;
      expect(assigned).not.toBe(fresh.contentId);
      expect(assigned).toBe(contentCustomerId(['crm/9', '#1']));
    });

    test('for a split-off part whose content ID equals a live previous ID', () => {
      const part = customer('web/1');
      const previous: PreviousIds = {
        customerOf: new Map([['crm/1', part.contentId], ['web/1', part.contentId], ['crm/2', part.contentId]]),
        customers: new Map([[part.contentId, { records: 3, firstSeen: OLD }]]),
        retired: new Set(),
      };
      const rest = customer('crm/1', 'crm/2');
      const assignment = stabiliseIds([part, rest], previous, AT);
      expect(assignment.idOf.get(rest.contentId)).toBe(part.contentId);
      expect(assignment.idOf.get(part.contentId)).not.toBe(part.contentId);
    });
  });

  describe('should not depend on input order', () => {
    test('for the same partition given in reverse', () => {
      const previous = previousOf({ A: { keys: ['crm/1', 'crm/2', 'crm/3'] }, B: { keys: ['shop/1'] }, C: { keys: ['web/1'] } });
      const customers = [customer('crm/1', 'web/1'), customer('crm/2', 'crm/3', 'shop/1'), customer('app/1')];
      const forward = stabiliseIds(customers, previous, AT);
      const backward = stabiliseIds([...customers].reverse(), previous, AT);
      expect(backward).toStrictEqual(forward);
    });
  });
});
