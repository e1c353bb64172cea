import { describe, expect, test } from 'vitest';
import { contentCustomerId } from '../../src/ids/customer-id.js';
import { nodeKey } from '../../src/identifiers/index.js';
import { carriesIdentifier, erasureOf, isErasedRef, parseForgetTarget, type ForgetRunSettings } from '../../src/privacy/forget.js';
import { createPseudonymiser } from '../../src/privacy/pseudonymise.js';

const RAW: ForgetRunSettings = { phoneRegion: 'DE', pseudonymise: null };
const pseudonymise = createPseudonymiser('0123456789abcdef-test-key');
const PSEUDONYMISED: ForgetRunSettings = { phoneRegion: 'DE', pseudonymise };
const ID = contentCustomerId(['crm/1']);

describe('parseForgetTarget', () => {
  describe('should refuse what names nothing, without repeating the value', () => {
    test.each([
      ['an empty string', ''],
      ['an unknown type', 'fax:123'],
      ['a type without value', 'email:'],
      ['a malformed customer ID', 'cus_123'],
    ])('for %s', (_name, ref) => {
      expect(parseForgetTarget(ref, RAW)).toStrictEqual({
        kind: 'invalid',
        detail: 'not a reference; write <type>:<value> (type: loyalty_number, login, email, app_id, phone, cookie_id) or a customer ID (cus_ + 16 characters)',
      });
    });

    test('for an invalid email', () => {
      const parsed = parseForgetTarget('email:anna-at-web.de', RAW);
      expect(parsed.kind).toBe('invalid');
      expect(JSON.stringify(parsed)).not.toContain('anna');
    });
  });

  describe('should name a customer', () => {
    test('for a customer ID, with spaces around it', () => {
      expect(parseForgetTarget(` ${ID} `, RAW)).toStrictEqual({ kind: 'customer', id: ID });
    });
  });

  describe('should normalise an identifier as resolve does', () => {
    test('for an email in a raw run', () => {
      expect(parseForgetTarget('email: Anna.Schmidt+shop@Web.de', RAW)).toStrictEqual({ kind: 'identifier', type: 'email', key: nodeKey('email', 'anna.schmidt@web.de') });
    });

    test('for a phone in a pseudonymised run: the pseudonym of the E.164 form', () => {
      expect(parseForgetTarget('phone:0171 1234567', PSEUDONYMISED)).toStrictEqual({
        kind: 'identifier', type: 'phone', key: nodeKey('phone', pseudonymise('phone', '+491711234567')),
      });
    });

    test('for a pseudonym copied from a pseudonymised run: taken as is', () => {
      const pseudonym = pseudonymise('email', 'anna@web.de');
      expect(parseForgetTarget(`email:${pseudonym}`, PSEUDONYMISED)).toStrictEqual({ kind: 'identifier', type: 'email', key: nodeKey('email', pseudonym) });
    });
  });
});

describe('carriesIdentifier', () => {
  describe('should match records holding the value in any spelling', () => {
    test('for raw identifiers of the same and other types', () => {
      const carries = carriesIdentifier({ kind: 'identifier', type: 'email', key: nodeKey('email', 'anna@web.de') }, RAW);
      expect(carries([])).toBe(false);
      expect(carries([{ type: 'login', raw: 'anna@web.de' }])).toBe(false);
      expect(carries([{ type: 'email', raw: 'bad' }, { type: 'email', raw: ' ANNA+x@web.de' }])).toBe(true);
    });

    test('for pseudonyms carried in a pseudonymised state', () => {
      const pseudonym = pseudonymise('email', 'anna@web.de');
      const carries = carriesIdentifier({ kind: 'identifier', type: 'email', key: nodeKey('email', pseudonym) }, PSEUDONYMISED);
      expect(carries([{ type: 'email', raw: pseudonym, pseudonymised: true }])).toBe(true);
      expect(carries([{ type: 'email', raw: 'Anna@web.de' }])).toBe(true);
      expect(carries([{ type: 'email', raw: pseudonymise('email', 'bert@web.de'), pseudonymised: true }])).toBe(false);
    });
  });
});

describe('isErasedRef', () => {
  describe('should tell erased node references', () => {
    test('for records and identifiers', () => {
      const erasure = erasureOf(new Set([ID]));
      erasure.recordKeys.add('crm/1');
      erasure.identifierKeys.add('email:anna@web.de');
      expect([isErasedRef(erasure, 'record:crm/1'), isErasedRef(erasure, 'record:crm/2'), isErasedRef(erasure, 'email:anna@web.de'), isErasedRef(erasure, 'crm/1')]).toStrictEqual([
        true, false, true, false,
      ]);
    });
  });
});
