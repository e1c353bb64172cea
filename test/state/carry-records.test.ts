import { describe, expect, test } from 'vitest';
import { contentCustomerId } from '../../src/ids/customer-id.js';
import type { InputRecord } from '../../src/input/index.js';
import { carryRecords } from '../../src/state/carry-records.js';

const record = (source: string, recordId: string, crmPermission: InputRecord['crmPermission'] = null): InputRecord => ({
  file: `${source}.csv`, line: 2, recordId, source, domain: 'crm', timestamp: null, identifiers: [], attributes: {}, cookiePermission: null, crmPermission,
});
const ID = contentCustomerId(['x']);

describe('carryRecords', () => {
  describe('should pass the input through', () => {
    test('for no previous records', () => {
      const input = [record('crm', '1')];
      expect(carryRecords([], input)).toStrictEqual({ records: input, carried: 0, replaced: 0 });
    });
  });

  describe('should join previous and new records', () => {
    test('for disjoint records', () => {
      const old = record('crm', '1');
      const fresh = record('crm', '2');
      expect(carryRecords([{ record: old, customerId: ID }], [fresh])).toStrictEqual({ records: [old, fresh], carried: 1, replaced: 0 });
    });

    test('for an input row with the same source and record_id: it replaces the previous one', () => {
      const old = record('crm', '1', 'granted');
      const update = record('crm', '1', 'denied');
      const other = record('shop', '1');
      expect(carryRecords([{ record: old, customerId: ID }, { record: other, customerId: ID }], [update])).toStrictEqual({
        records: [other, update],
        carried: 1,
        replaced: 1,
      });
    });
  });
});
