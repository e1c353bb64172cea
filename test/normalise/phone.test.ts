import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { CountryCode } from 'libphonenumber-js';
import { normalisePhone } from '../../src/normalise/phone.js';

/** Any UTF-16 string, lone surrogates included. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) }),
  fc.string({ unit: fc.constantFrom(...'0123456789 +-/().') }),
);

describe('normalisePhone', () => {
  describe('should reject values that cannot be a phone number', () => {
    test.each([
      ['the empty string', '', 'empty'],
      ['only whitespace', ' \t\u00a0 ', 'empty'],
      ['a huge value', '1'.repeat(1_000_000), 'too_long'],
      ['one digit', '1', 'phone_too_short'],
      ['two digits', '12', 'phone_too_short'],
      ['three digits', '171', 'phone_too_short'],
      ['a truncated US number', '+1 212 555', 'phone_too_short'],
      ['no digits', 'abc', 'phone_invalid'],
      ['a lone plus', '+', 'phone_invalid'],
      ['placeholder text', 'n/a', 'phone_invalid'],
      ['a lone surrogate', '\ud800', 'phone_invalid'],
      ['an unknown country code', '+999 1234567', 'phone_invalid'],
      ['too many digits', '0171 12345678901234', 'phone_invalid'],
      ['an unassigned German range', '+49 199 1234567', 'phone_invalid'],
      ['the US fiction range', '+1 555 555 5555', 'phone_invalid'],
      ['zeros', '0000000000', 'phone_invalid'],
      ['a date (parses as a valid DE number)', '07.03.1985', 'phone_invalid'],
      ['a short date', '7.3.1985', 'phone_invalid'],
      ['an ISO date', '1985-03-07', 'phone_invalid'],
      ['a number inside text', 'siehe 0171 1234567!', 'phone_invalid'],
      ['two numbers', '0171 1234567 / 0171 7654321', 'phone_invalid'],
    ])('for %s', (_label, raw, reason) => {
      expect(normalisePhone(raw, 'DE')).toStrictEqual({ ok: false, reason });
    });
  });

  describe('should write German numbers as E.164 with region DE', () => {
    test.each([
      ['a national mobile number', '0171 1234567', '+491711234567'],
      ['an international number', '+49 171 1234567', '+491711234567'],
      ['the 00 prefix with dashes', '0049-171-1234567', '+491711234567'],
      ['an area code in brackets', '(030) 123456', '+4930123456'],
      ['a slash after the area code', '089/1234567', '+49891234567'],
      ['the (0) written after +49', '+49 (0)171 1234567', '+491711234567'],
      ['dots', '0171.123.4567', '+491711234567'],
      ['full-width digits', '０１７１ １２３４５６７', '+491711234567'],
      ['surrounding whitespace', '  0171 1234567\t', '+491711234567'],
      ['no-break spaces', '0171\u00a01234567', '+491711234567'],
      ['an extension (dropped)', '0171 1234567 ext. 12', '+491711234567'],
      ['E.164 already', '+491711234567', '+491711234567'],
    ])('for %s', (_label, raw, value) => {
      expect(normalisePhone(raw, 'DE')).toStrictEqual({ ok: true, value });
    });
  });

  describe('should read national numbers in the default region', () => {
    test.each<[string, string, CountryCode, string]>([
      ['Austria', '01 5123456', 'AT', '+4315123456'],
      ['an Austrian mobile from DE', '+43 664 1234567', 'DE', '+436641234567'],
      ['Switzerland', '044 668 18 00', 'CH', '+41446681800'],
      ['a Swiss number from DE', '+41 44 668 18 00', 'DE', '+41446681800'],
      ['the UK', '020 7946 0958', 'GB', '+442079460958'],
      ['a UK mobile', '07400 123456', 'GB', '+447400123456'],
      ['the US', '(201) 555-0123', 'US', '+12015550123'],
      ['the US with the 011 prefix', '011 49 171 1234567', 'US', '+491711234567'],
      ['France', '01 23 45 67 89', 'FR', '+33123456789'],
      ['a French mobile', '06 12 34 56 78', 'FR', '+33612345678'],
    ])('for %s', (_label, raw, region, value) => {
      expect(normalisePhone(raw, region)).toStrictEqual({ ok: true, value });
    });

    test.each<[string, string, CountryCode]>([
      ['a German national number read as US', '0171 1234567', 'US'],
      ['a German 00 number read as US (US prefix is 011)', '0049 171 1234567', 'US'],
    ])('and not in another region, for %s', (_label, raw, region) => {
      expect(normalisePhone(raw, region)).toStrictEqual({ ok: false, reason: 'phone_invalid' });
    });
  });

  describe('should be a fixed point on its own output', () => {
    const stems = ['+49 171 ', '0171 ', '030 ', '(089) ', '+43 664 ', '+41 44 668 ', '+44 20 7946 ', '+1 212 555 ', '+33 6 12 '];
    const region = fc.constantFrom<CountryCode>('DE', 'AT', 'CH', 'GB', 'US', 'FR');
    const plausible = fc.tuple(fc.constantFrom(...stems), fc.stringMatching(/^\d{2,7}$/)).map(([stem, tail]) => stem + tail);

    test.prop([fc.oneof(plausible, anyText), region, region])('in every region', (raw, firstRegion, secondRegion) => {
      const first = normalisePhone(raw, firstRegion);
      if (first.ok) expect(normalisePhone(first.value, secondRegion)).toStrictEqual(first);
    });

    test.prop([plausible])('and its output is E.164', (raw) => {
      const result = normalisePhone(raw, 'DE');
      if (result.ok) expect(result.value).toMatch(/^\+[1-9]\d{6,14}$/);
    });
  });

  describe('should never throw', () => {
    test.prop([anyText])('for arbitrary strings, lone surrogates included', (raw) => {
      const result = normalisePhone(raw, 'DE');
      expect(typeof result.ok).toBe('boolean');
    });
  });
});
