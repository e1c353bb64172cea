import { fc, test as propertyTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import type { InputRecord } from '../../src/input/index.js';
import { canonicalRecordOrder } from '../../src/resolve/canonical-order.js';

const record = (source: string, recordId: string, line = 2): InputRecord => ({
  file: `${source}.csv`, line, recordId, source, domain: 'crm', timestamp: null, identifiers: [], attributes: {}, cookiePermission: null, crmPermission: null,
});

/** The definition: a stable sort by source, then record_id, in code-unit order. */
const byDefinition = (records: readonly InputRecord[]) =>
  [...records].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0));

describe('canonicalRecordOrder', () => {
  describe('should order by source, then record_id', () => {
    test('for no records', () => {
      expect(canonicalRecordOrder([])).toStrictEqual([]);
    });

    test('for sources in no order, one already sorted and one not (code-unit order: c10 before c9)', () => {
      const records = [record('shop', 's1'), record('shop', 's2'), record('crm', 'c9'), record('crm', 'c10'), record('app', 'a1')];
      expect(canonicalRecordOrder(records)).toStrictEqual([records[4], records[3], records[2], records[0], records[1]]);
    });

    test('for a repeated record_id: kept in input order, as a stable sort does', () => {
      const records = [record('crm', 'b'), record('crm', 'a', 3), record('crm', 'a', 4)];
      expect(canonicalRecordOrder(records).map((r) => r.line)).toStrictEqual([3, 4, 2]);
    });

    propertyTest.prop([fc.array(fc.tuple(fc.constantFrom('a', 'b', 'a/b', 'web'), fc.string({ maxLength: 3 }), fc.boolean()), { maxLength: 60 })])(
      'for any records, with sorted runs or not (as the definition orders them)',
      (rows) => {
        const records = rows.map(([source, recordId], line) => record(source, recordId, line));
        const partlySorted = [...records].sort((a, b) => (rows[a.line]![2] && rows[b.line]![2] ? (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0) : 0));
        expect(canonicalRecordOrder(records)).toStrictEqual(byDefinition(records));
        expect(canonicalRecordOrder(partlySorted)).toStrictEqual(byDefinition(partlySorted));
      },
    );
  });
});
