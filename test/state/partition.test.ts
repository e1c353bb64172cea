import { describe, expect, test } from 'vitest';
import { contentCustomerId } from '../../src/ids/customer-id.js';
import type { ResolvedRecord } from '../../src/resolve/index.js';
import { partitionOf } from '../../src/state/partition.js';

const A = contentCustomerId(['a']);
const B = contentCustomerId(['b']);
const record = (recordKey: string, customerId: typeof A): ResolvedRecord => {
  const [source = '', recordId = ''] = recordKey.split('/');
  return { recordKey, recordId, source, domain: 'crm', customerId };
};

describe('partitionOf', () => {
  describe('should group record keys by customer', () => {
    test('for no records', () => {
      expect(partitionOf({ records: [] })).toStrictEqual([]);
    });

    test('for two customers, keeping the result order of keys', () => {
      expect(partitionOf({ records: [record('crm/1', A), record('crm/2', B), record('shop/1', A)] })).toStrictEqual([
        { contentId: A, recordKeys: ['crm/1', 'shop/1'] },
        { contentId: B, recordKeys: ['crm/2'] },
      ]);
    });
  });
});
