import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { normaliseLogin } from '../../src/normalise/login.js';

/** Any UTF-16 string, lone surrogates included. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) }),
);

describe('normaliseLogin', () => {
  describe('should reject values that cannot be a login', () => {
    test.each([
      ['the empty string', '', 'empty'],
      ['only whitespace', ' \t\n\u3000 ', 'empty'],
      ['a huge value', 'a'.repeat(1_000_000), 'too_long'],
      ['257 characters', 'a'.repeat(257), 'too_long'],
      ['an inner space', 'anna schmidt', 'bad_characters'],
      ['an inner tab', 'anna\tschmidt', 'bad_characters'],
      ['an inner no-break space', 'anna\u00a0schmidt', 'bad_characters'],
      ['an ideographic space (NFKC makes it a space)', 'anna\u3000schmidt', 'bad_characters'],
      ['a control character', 'anna\u0000', 'bad_characters'],
      ['a zero-width space', 'anna\u200bschmidt', 'bad_characters'],
      ['a lone surrogate', 'anna\udc00', 'bad_characters'],
    ])('for %s', (_label, raw, reason) => {
      expect(normaliseLogin(raw)).toStrictEqual({ ok: false, reason });
    });
  });

  describe('should trim, apply NFKC and case-fold', () => {
    test.each([
      ['256 characters', 'A'.repeat(256), 'a'.repeat(256)],
      ['surrounding whitespace', '  anna.schmidt\n', 'anna.schmidt'],
      ['upper case', 'Anna.Schmidt', 'anna.schmidt'],
      ['full-width letters', 'ＡＮＮＡ', 'anna'],
      ['an umlaut', 'Jürgen', 'jürgen'],
      ['a decomposed umlaut', 'Ju\u0308rgen', 'jürgen'],
      ['an email-shaped login (kept as written)', 'Anna+Shop@Web.de', 'anna+shop@web.de'],
      ['digits and punctuation', 'user_42-x', 'user_42-x'],
    ])('for %s', (_label, raw, value) => {
      expect(normaliseLogin(raw)).toStrictEqual({ ok: true, value });
    });
  });

  describe('should be a fixed point on its own output', () => {
    test.prop([anyText])('for any input', (raw) => {
      const first = normaliseLogin(raw);
      if (first.ok) expect(normaliseLogin(first.value)).toStrictEqual(first);
    });
  });

  describe('should never throw', () => {
    test.prop([anyText])('for arbitrary strings, lone surrogates included', (raw) => {
      expect(typeof normaliseLogin(raw).ok).toBe('boolean');
    });
  });
});
