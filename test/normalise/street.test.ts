import { describe, expect, test } from 'vitest';
import { fc, test as propTest } from '@fast-check/vitest';
import { normaliseStreet } from '../../src/normalise/street.js';

/** Any UTF-16 string, lone surrogates included, and street-like text. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) }),
  fc.string({ unit: fc.constantFrom('str', 'str.', 'straße', 'Strasse', ' ', '-', '.', '1', '2a', 'Haupt', 'ß', 'ä') }),
);

describe('normaliseStreet', () => {
  describe('should give null when empty', () => {
    test.each([
      ['the empty string', ''],
      ['only whitespace', ' \t\n '],
      ['only punctuation', ' , . ; '],
    ])('for %s', (_label, raw) => {
      expect(normaliseStreet(raw)).toBeNull();
    });
  });

  describe('should spell every form of Straße as strasse', () => {
    test.each([
      ['Hauptstraße 5', 'hauptstrasse 5'],
      ['Hauptstrasse 5', 'hauptstrasse 5'],
      ['Hauptstr. 5', 'hauptstrasse 5'],
      ['Hauptstr 5', 'hauptstrasse 5'],
      ['Hauptstr.5', 'hauptstrasse 5'],
      ['HAUPTSTRASSE 5', 'hauptstrasse 5'],
      ['Berliner Str. 12a', 'berliner strasse 12a'],
      ['Berliner Straße 12a', 'berliner strasse 12a'],
      ['Str. des 17. Juni 1', 'strasse des 17 juni 1'],
      ['Konrad-Adenauer-Str. 3', 'konrad adenauer strasse 3'],
      ['Straßenbahnweg 4', 'strassenbahnweg 4'],
      ['Astridweg 2', 'astridweg 2'],
    ])('for %j', (raw, expected) => {
      expect(normaliseStreet(raw)).toBe(expected);
    });
  });

  describe('should fold letters, collapse whitespace and keep house numbers', () => {
    test.each([
      ['  Am   Markt  1 ', 'am markt 1'],
      ['Königsallee 92', 'koenigsallee 92'],
      ['Rue de l’Église 3', 'rue de l eglise 3'],
      ['Hauptstr. 12-14', 'hauptstrasse 12-14'],
      ['Hauptstr. 12 - 14', 'hauptstrasse 12 14'],
      ['Hauptstr. 5, 2. OG', 'hauptstrasse 5 2 og'],
      ['Ｈａｕｐｔｓｔｒ. ５', 'hauptstrasse 5'],
    ])('for %j', (raw, expected) => {
      expect(normaliseStreet(raw)).toBe(expected);
    });
  });

  describe('should be a fixed point on its own output', () => {
    propTest.prop([anyText])('for any input', (raw) => {
      const first = normaliseStreet(raw);
      if (first !== null) expect(normaliseStreet(first)).toBe(first);
    });
  });

  describe('should never throw', () => {
    test('for a huge value', () => {
      expect(normaliseStreet('Hauptstr. 5 '.repeat(100_000))).toBe('hauptstrasse 5 '.repeat(100_000).trim());
    });

    propTest.prop([anyText])('for arbitrary strings, lone surrogates included', (raw) => {
      const result = normaliseStreet(raw);
      expect(result === null || typeof result === 'string').toBe(true);
    });
  });
});
