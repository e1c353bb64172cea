import { describe, expect, test } from 'vitest';
import { IdgraphError } from '../../src/errors/index.js';
import { parseRef, printable } from '../../src/query/ref.js';

const ALL = ['identifier', 'record', 'customer'] as const;

describe('parseRef', () => {
  describe('should refuse what is no reference', () => {
    test.each(['', 'anna@example.org', 'foo:bar', 'email:', 'email:   ', 'record:', ':x', 'cus_tooshort'])('for %j', (text) => {
      expect(() => parseRef(text, ALL)).toThrow(IdgraphError);
      try {
        parseRef(text, ALL);
      } catch (error) {
        expect((error as IdgraphError).code).toBe('USAGE');
      }
    });
    test('for a kind the query does not take', () => {
      expect(() => parseRef('cus_0123456789abcdef', ['identifier', 'record'])).toThrow(IdgraphError);
      expect(() => parseRef('email:a@b.de', ['customer'])).toThrow(IdgraphError);
    });
    test('with one line, whatever was typed', () => {
      expect(() => parseRef('foo:a\nb', ALL)).toThrow(/^foo:a\?b: not a reference; write .* or a customer ID \(cus_ \+ 16 characters\)$/);
    });
  });

  describe('should parse', () => {
    test.each([
      ['email:Anna@Example.org', { kind: 'identifier', text: 'email:Anna@Example.org', type: 'email', raw: 'Anna@Example.org' }],
      ['phone:+49 (171) 123:45', { kind: 'identifier', text: 'phone:+49 (171) 123:45', type: 'phone', raw: '+49 (171) 123:45' }],
      ['loyalty_number:4045 1218', { kind: 'identifier', text: 'loyalty_number:4045 1218', type: 'loyalty_number', raw: '4045 1218' }],
      ['record:crm-1', { kind: 'record', text: 'record:crm-1', path: 'crm-1' }],
      ['record:crm/crm-1', { kind: 'record', text: 'record:crm/crm-1', path: 'crm/crm-1' }],
      ['cus_0123456789abcdef', { kind: 'customer', text: 'cus_0123456789abcdef', id: 'cus_0123456789abcdef' }],
      [' cus_0123456789abcdef ', { kind: 'customer', text: ' cus_0123456789abcdef ', id: 'cus_0123456789abcdef' }],
    ])('for %j', (text, expected) => {
      expect(parseRef(text, ALL)).toStrictEqual(expected);
    });
  });
});

describe('printable', () => {
  describe('should keep a message on one line', () => {
    test.each([
      ['a\nb\r\tc', 'a?b??c'],
      ['a\u2028b', 'a?b'],
      ['straße', 'straße'],
    ])('for %j', (text, expected) => {
      expect(printable(text)).toBe(expected);
    });
  });
});
