import { describe, expect, test } from 'vitest';
import { IDENTIFIER_TYPES, type IdentifierType } from '../../src/identifiers/identifier-type.js';
import { normaliseIdentifier } from '../../src/normalise/identifier.js';

describe('normaliseIdentifier', () => {
  describe('should reject an empty value for every type', () => {
    test.each(IDENTIFIER_TYPES.map((type) => [type]))('for %s', (type) => {
      expect(normaliseIdentifier(type, '  ', { defaultRegion: 'DE' })).toStrictEqual({ ok: false, reason: 'empty' });
    });
  });

  describe("should apply the type's own normaliser", () => {
    test.each<[IdentifierType, string, string]>([
      ['email', ' Anna.Schmidt+shop@GoogleMail.com ', 'annaschmidt@gmail.com'],
      ['phone', '0171 1234567', '+491711234567'],
      ['login', ' Anna.Schmidt ', 'anna.schmidt'],
      ['loyalty_number', 'ab-1234 5678', 'AB12345678'],
      ['app_id', '6D92078A-8246-4BA4-AE5B-76104861E7DC', '6d92078a-8246-4ba4-ae5b-76104861e7dc'],
      ['cookie_id', ' GA1.2.1234567890.1699999999 ', 'GA1.2.1234567890.1699999999'],
    ])('for %s', (type, raw, value) => {
      expect(normaliseIdentifier(type, raw, { defaultRegion: 'DE' })).toStrictEqual({ ok: true, value });
    });
  });

  describe('should pass the default region to the phone normaliser', () => {
    test.each([
      ['DE', { ok: true, value: '+4930123456' }],
      ['FR', { ok: false, reason: 'phone_invalid' }],
    ] as const)('for %s', (defaultRegion, expected) => {
      expect(normaliseIdentifier('phone', '030 123456', { defaultRegion })).toStrictEqual(expected);
    });
  });
});
