import { describe, expect, test } from 'vitest';
import { fc, test as propTest } from '@fast-check/vitest';
import { IDENTIFIER_TYPES, type IdentifierType } from '../../src/identifiers/identifier-type.js';
import { normaliseIdentifier } from '../../src/normalise/identifier.js';
import { BUILTIN_PLACEHOLDERS, isPlaceholder } from '../../src/normalise/junk.js';

describe('isPlaceholder', () => {
  describe('should not flag ordinary values', () => {
    test.each<[IdentifierType, string]>([
      ['email', ''],
      ['email', 'anna.schmidt@web.de'],
      ['email', 'annaschmidt@gmail.com'],
      ['email', 'info@mueller-gmbh.de'],
      ['email', 'test.anna@web.de'],
      ['email', 'anna@myexample.com'],
      ['email', 'anna@test-firma.de'],
      ['email', 'no-reply-anna@web.de'],
      ['phone', '+491711234567'],
      ['phone', '+4930123456'],
      ['phone', '+12015550123'],
      ['phone', '+4930000001'],
      ['phone', '+33612345678'],
      ['login', 'anna.schmidt'],
      ['login', '0815'],
      ['loyalty_number', 'AB12345678'],
      ['loyalty_number', '1234567809'],
      ['loyalty_number', '0001234'],
      ['app_id', '6d92078a-8246-4ba4-ae5b-76104861e7dc'],
      ['cookie_id', 'GA1.2.1234567890.1699999999'],
    ])('for %s %s', (type, value) => {
      expect(isPlaceholder(type, value)).toBe(false);
    });
  });

  describe('should flag placeholder text for every type', () => {
    const words = ['n/a', 'na', 'none', 'null', 'unknown', '-', '?', 'xxx', 'keine', 'test', 'NULL', 'Unknown'];
    test.each(IDENTIFIER_TYPES.flatMap((type) => words.map((word) => [type, word] as const)))('for %s %s', (type, value) => {
      expect(isPlaceholder(type, value)).toBe(true);
    });
  });

  describe('should flag placeholder emails', () => {
    test.each([
      'test@test.de',
      'test@test.com',
      'info@test.de',
      'test@example.com',
      'anna@example.org',
      'anna@example.de',
      'anna@mail.example.com',
      'anna@beispiel.de',
      'noemail@web.de',
      'no.email@web.de',
      'no-email@gmx.net',
      'no@web.de',
      'none@gmail.com',
      'keine@web.de',
      'keine.email@web.de',
      'dummy@firma.de',
      'test@gmx.de',
      'noreply@shop.de',
      'x@x.xx',
      'max@mustermann.de',
      'anna@shop.test',
      'anna@shop.invalid',
    ])('for %s', (value) => {
      expect(isPlaceholder('email', value)).toBe(true);
    });
  });

  describe('should flag placeholder phones (E.164)', () => {
    test.each([
      ['one repeated zero', '+490000000000'],
      ['one repeated one', '+491111111111'],
      ['a repeated digit in the US', '+12222222222'],
      ['an ascending run', '+49123456789'],
      ['an ascending run to 0', '+491234567890'],
      ['an ascending run from 0', '+490123456789'],
      ['a descending run', '+49987654321'],
      ['a run in Austria', '+43123456789'],
    ])('for %s', (_label, value) => {
      expect(isPlaceholder('phone', value)).toBe(true);
    });
  });

  describe('should flag placeholder opaque IDs', () => {
    test.each<[IdentifierType, string]>([
      ['login', '0'],
      ['login', '00000000'],
      ['login', 'undefined'],
      ['login', 'anonymous'],
      ['login', 'guest'],
      ['login', 'gast'],
      ['loyalty_number', '0000'],
      ['loyalty_number', '00000000'],
      ['loyalty_number', '99999999'],
      ['loyalty_number', '12345678'],
      ['loyalty_number', 'TEST'],
      ['loyalty_number', 'NULL'],
      ['loyalty_number', 'GUEST'],
      ['app_id', '00000000-0000-0000-0000-000000000000'],
      ['app_id', 'undefined'],
      ['app_id', '[object Object]'],
      ['cookie_id', 'anonymous'],
      ['cookie_id', '0'],
      ['cookie_id', 'ffffffff-ffff-ffff-ffff-ffffffffffff'],
    ])('for %s %s', (type, value) => {
      expect(isPlaceholder(type, value)).toBe(true);
    });
  });

  describe('should flag user-configured values of their type only', () => {
    const extra: ReadonlySet<string> = new Set(['email:info@shop.de', 'loyalty_number:4711']);
    test.each<[IdentifierType, string, boolean]>([
      ['email', 'info@shop.de', true],
      ['loyalty_number', '4711', true],
      ['login', 'info@shop.de', false],
      ['email', 'anna@shop.de', false],
    ])('for %s %s', (type, value, expected) => {
      expect(isPlaceholder(type, value, extra)).toBe(expected);
    });
  });

  describe('should recognise junk that the normalisers accept as valid', () => {
    test.each<[IdentifierType, string]>([
      ['email', 'Test@Test.de'],
      ['email', 'No.Email+x@GoogleMail.com'],
      ['email', 'x@x.xx'],
      ['loyalty_number', '0000-0000'],
      ['login', 'Anonymous'],
      ['app_id', '00000000-0000-0000-0000-000000000000'],
    ])('for %s %s', (type, raw) => {
      const result = normaliseIdentifier(type, raw, { defaultRegion: 'DE' });
      expect(result.ok && isPlaceholder(type, result.value)).toBe(true);
    });
  });

  describe('should publish its catalogue as data', () => {
    test('for every identifier type', () => {
      expect(Object.keys(BUILTIN_PLACEHOLDERS.byType).sort()).toStrictEqual([...IDENTIFIER_TYPES].sort());
      expect(Object.keys(BUILTIN_PLACEHOLDERS.rules).sort()).toStrictEqual([...IDENTIFIER_TYPES].sort());
    });

    test.each(BUILTIN_PLACEHOLDERS.anyType.map((value) => [value]))('with every listed value flagged: %s', (value) => {
      expect(IDENTIFIER_TYPES.every((type) => isPlaceholder(type, value))).toBe(true);
    });
  });

  describe('should never throw', () => {
    propTest.prop([fc.constantFrom(...IDENTIFIER_TYPES), fc.string({ unit: 'binary' })])('for arbitrary values', (type, value) => {
      expect(typeof isPlaceholder(type, value)).toBe('boolean');
    });
  });
});
