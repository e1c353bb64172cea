import { describe, expect, test } from 'vitest';
import { fc, test as propTest } from '@fast-check/vitest';
import { normaliseBirthDate } from '../../src/normalise/birth-date.js';

describe('normaliseBirthDate', () => {
  describe('should give null for values that are not a usable date', () => {
    test.each([
      ['the empty string', ''],
      ['only whitespace', '  '],
      ['text', 'unbekannt'],
      ['a huge value', '1'.repeat(1_000_000)],
      ['30 February', '2023-02-30'],
      ['29 February in a common year', '29.02.2023'],
      ['29 February 1900 (not a leap year)', '1900-02-29'],
      ['31 April', '31.04.1985'],
      ['month 13', '1985-13-01'],
      ['day 0', '1985-03-00'],
      ['month 0', '00.01.1985'],
      ['a year before 1900', '1899-12-31'],
      ['a year after 2100', '2101-01-01'],
      ['the year 0001', '0001-01-01'],
      ['a two-digit year', '07.03.85'],
      ['both slash parts over 12', '13/14/1985'],
      ['a time without a date', '10:00:00'],
      ['ISO with trailing text', '1985-03-07abc'],
      ['a compact value of 7 digits', '1985037'],
      ['a lone surrogate', '1985-03-07\ud800'],
      ['full-width digits', '１９８５-03-07'],
    ])('for %s', (_label, raw) => {
      expect(normaliseBirthDate(raw)).toBeNull();
    });
  });

  describe('should read the usual forms', () => {
    test.each([
      ['ISO', '1985-03-07', '1985-03-07'],
      ['ISO with one-digit parts', '1985-3-7', '1985-03-07'],
      ['an ISO datetime (date taken as written)', '1985-03-07T23:30:00-05:00', '1985-03-07'],
      ['an ISO datetime with a space', '1985-03-07 00:00:00', '1985-03-07'],
      ['compact', '19850307', '1985-03-07'],
      ['German', '07.03.1985', '1985-03-07'],
      ['German without leading zeros', '7.3.1985', '1985-03-07'],
      ['surrounding whitespace', ' 07.03.1985 ', '1985-03-07'],
      ['29 February in a leap year', '29.02.2000', '2000-02-29'],
      ['the lower bound', '1900-01-01', '1900-01-01'],
      ['the upper bound', '2100-12-31', '2100-12-31'],
    ])('for %s', (_label, raw, expected) => {
      expect(normaliseBirthDate(raw)).toBe(expected);
    });
  });

  describe('should read a/b/yyyy as day/month unless only the US reading is possible', () => {
    test.each([
      ['ambiguous: European day/month', '03/07/1985', '1985-07-03'],
      ['first part over 12: day/month', '25/12/1985', '1985-12-25'],
      ['second part over 12: US month/day', '12/25/1985', '1985-12-25'],
      ['dashes, ambiguous', '03-07-1985', '1985-07-03'],
      ['dashes, US', '12-25-1985', '1985-12-25'],
    ])('for %s', (_label, raw, expected) => {
      expect(normaliseBirthDate(raw)).toBe(expected);
    });
  });

  describe('should be a fixed point on its own output', () => {
    const dates = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true });
    propTest.prop([dates])('and agree with the calendar for every form', (date) => {
      const iso = date.toISOString().slice(0, 10);
      const [year, month, day] = iso.split('-');
      expect(normaliseBirthDate(iso)).toBe(iso);
      expect(normaliseBirthDate(`${Number(day)}.${Number(month)}.${year}`)).toBe(iso);
      expect(normaliseBirthDate(`${year}${month}${day}`)).toBe(iso);
      expect(normaliseBirthDate(date.toISOString())).toBe(iso);
    });

    propTest.prop([fc.string({ unit: fc.constantFrom(...'0123456789-./T: ') })])('for any input', (raw) => {
      const first = normaliseBirthDate(raw);
      if (first !== null) expect(normaliseBirthDate(first)).toBe(first);
    });
  });

  describe('should never throw', () => {
    propTest.prop([fc.string({ unit: 'binary' })])('for arbitrary strings', (raw) => {
      const result = normaliseBirthDate(raw);
      expect(result === null || /^\d{4}-\d{2}-\d{2}$/.test(result)).toBe(true);
    });
  });
});
