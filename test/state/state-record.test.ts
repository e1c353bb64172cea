import { describe, expect, test } from 'vitest';
import { contentCustomerId } from '../../src/ids/customer-id.js';
import type { InputRecord } from '../../src/input/index.js';
import { decodeStateRecord, encodeStateRecord, stateLineBody, stateLinePrefix } from '../../src/state/state-record.js';

const ID = contentCustomerId(['crm/1']);
const RECORD: InputRecord = {
  file: 'in/crm.csv',
  line: 7,
  recordId: '1',
  source: 'crm',
  domain: 'crm',
  timestamp: 1_700_000_000_000,
  identifiers: [{ type: 'email', raw: ' Anna@Example.org ' }, { type: 'phone', raw: 'ps_0123456789abcdef0123456789abcdef', pseudonymised: true }],
  attributes: { first_name: 'Anna', birth_date: '1980-02-03' },
  cookiePermission: null,
  crmPermission: 'granted',
};

describe('decodeStateRecord', () => {
  describe('should refuse a broken line without echoing it', () => {
    test.each([
      ['not JSON', '{', 'not a JSON object'],
      ['an array', '[]', 'not a JSON object'],
      ['no recordId', JSON.stringify({ source: 'crm' }), 'missing source or recordId'],
      ['a bad domain', encodeStateRecord(RECORD, ID).replace('"domain":"crm"', '"domain":"shop"'), 'domain is not online or crm'],
      ['a bad permission', encodeStateRecord(RECORD, ID).replace('"crmPermission":"granted"', '"crmPermission":"yes"'), 'a permission is not granted, denied or null'],
      ['a bad customer ID', encodeStateRecord(RECORD, ID).replace(ID, 'cus_X'), 'customerId is not a customer ID'],
      ['an unknown identifier type', encodeStateRecord(RECORD, ID).replace('"type":"email"', '"type":"fax"'), 'an identifier has no known type'],
      ['an unknown attribute', encodeStateRecord(RECORD, ID).replace('"first_name"', '"nickname"'), 'an attribute is unknown or not a string'],
    ])('for %s', (_name, line, expected) => {
      expect(decodeStateRecord(line)).toBe(expected);
    });
  });

  describe('should give back what was encoded', () => {
    test('for a record with a raw and a pseudonymised identifier', () => {
      expect(decodeStateRecord(encodeStateRecord(RECORD, ID))).toStrictEqual({ record: RECORD, customerId: ID });
    });

    test('for a record without timestamp and permissions', () => {
      const bare: InputRecord = { ...RECORD, timestamp: null, crmPermission: null, identifiers: [], attributes: {} };
      expect(decodeStateRecord(encodeStateRecord(bare, ID))).toStrictEqual({ record: bare, customerId: ID });
    });
  });
});

describe('stateLinePrefix', () => {
  test('should be how the line of the same record begins, and not of another record', () => {
    expect(stateLineBody(RECORD).startsWith(stateLinePrefix(RECORD))).toBe(true);
    expect(encodeStateRecord(RECORD, ID).startsWith(stateLinePrefix({ source: 'crm', recordId: '10' }))).toBe(false);
    expect(encodeStateRecord(RECORD, ID).startsWith(stateLinePrefix({ source: 'web', recordId: '1' }))).toBe(false);
  });
});
