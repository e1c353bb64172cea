import { describe, expect, test } from 'vitest';
import type { InputRecord } from '../../src/input/index.js';
import { createPseudonymiser } from '../../src/privacy/pseudonymise.js';
import { pseudonymiseRecord } from '../../src/state/pseudonymise-record.js';

const pseudonymise = createPseudonymiser('0123456789abcdef-test-key');
const OPTIONS = { pseudonymise, defaultRegion: 'DE' as const, extraJunk: new Set(['login:nobody']) };
const record = (identifiers: InputRecord['identifiers']): InputRecord => ({
  file: 'crm.csv', line: 2, recordId: '1', source: 'crm', domain: 'crm', timestamp: null, identifiers, attributes: { first_name: 'Anna' },
  cookiePermission: null, crmPermission: null,
});

describe('pseudonymiseRecord', () => {
  describe('should leave records alone', () => {
    test('for a record without identifiers', () => {
      const bare = record([]);
      expect(pseudonymiseRecord(bare, OPTIONS)).toBe(bare);
    });

    test('for a record whose identifiers are already marked pseudonyms', () => {
      const carried = record([{ type: 'email', raw: 'ps_00000000000000000000000000000000', pseudonymised: true }]);
      expect(pseudonymiseRecord(carried, OPTIONS)).toBe(carried);
    });
  });

  describe('should drop values that never link', () => {
    test('for an invalid email, a placeholder and a configured junk value', () => {
      const out = pseudonymiseRecord(record([{ type: 'email', raw: 'no-domain' }, { type: 'email', raw: 'test@test.de' }, { type: 'login', raw: 'NOBODY' }]), OPTIONS);
      expect(out.identifiers).toStrictEqual([]);
    });
  });

  describe('should store the pseudonym of the normalised value, marked', () => {
    test('for an email and a phone, keeping attributes', () => {
      const out = pseudonymiseRecord(record([{ type: 'email', raw: ' Anna.Schmidt+shop@Web.de ' }, { type: 'phone', raw: '0171 1234567' }]), OPTIONS);
      expect(out).toStrictEqual({
        ...record([]),
        identifiers: [
          { type: 'email', raw: pseudonymise('email', 'anna.schmidt@web.de'), pseudonymised: true },
          { type: 'phone', raw: pseudonymise('phone', '+491711234567'), pseudonymised: true },
        ],
      });
    });

    test('for two spellings of one value: stored once', () => {
      const out = pseudonymiseRecord(record([{ type: 'email', raw: 'a@web.de' }, { type: 'email', raw: 'A@Web.de' }]), OPTIONS);
      expect(out.identifiers).toHaveLength(1);
    });
  });
});
