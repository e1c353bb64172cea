import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { normaliseEmail } from '../../src/normalise/email.js';

/** Any UTF-16 string, lone surrogates included. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) }),
);

describe('normaliseEmail', () => {
  describe('should reject values that cannot be an address', () => {
    test.each([
      ['the empty string', '', 'empty'],
      ['only whitespace', ' \t\n\u3000 ', 'empty'],
      ['a value over 254 characters', `${'a'.repeat(64)}@${'b'.repeat(190)}.de`, 'too_long'],
      ['a huge value', 'a'.repeat(1_000_000), 'too_long'],
      ['no @', 'anna.schmidt.web.de', 'email_syntax'],
      ['no domain', 'anna@', 'email_syntax'],
      ['no local part', '@web.de', 'email_syntax'],
      ['two @', 'anna@schmidt@web.de', 'email_syntax'],
      ['a domain without a dot', 'anna@localhost', 'email_syntax'],
      ['a one-letter TLD', 'anna@web.d', 'email_syntax'],
      ['a numeric TLD', 'anna@web.42', 'email_syntax'],
      ['a space in the local part', 'anna schmidt@web.de', 'email_syntax'],
      ['a space in the domain', 'anna@web .de', 'email_syntax'],
      ['an empty domain label', 'anna@web..de', 'email_syntax'],
      ['a trailing dot in the domain', 'anna@web.de.', 'email_syntax'],
      ['a label starting with a hyphen', 'anna@-web.de', 'email_syntax'],
      ['a leading dot in the local part', '.anna@web.de', 'email_syntax'],
      ['consecutive dots in the local part', 'anna..schmidt@web.de', 'email_syntax'],
      ['a local part over 64 characters', `${'a'.repeat(65)}@web.de`, 'email_syntax'],
      ['a local part that is only a plus-tag', '+shop@web.de', 'email_syntax'],
      ['a local part ending in a dot once the tag is removed', 'anna.+shop@web.de', 'email_syntax'],
      ['a space in the plus-tag', 'anna+my shop@web.de', 'email_syntax'],
      ['a quoted local part', '"anna schmidt"@web.de', 'email_syntax'],
      ['a lone surrogate', 'anna\ud800@web.de', 'email_syntax'],
      ['a control character', 'anna\u0000@web.de', 'email_syntax'],
      ['an IP literal domain', 'anna@[192.168.0.1]', 'email_syntax'],
      ['placeholder text', 'n/a', 'email_syntax'],
    ])('for %s', (_label, raw, reason) => {
      expect(normaliseEmail(raw)).toStrictEqual({ ok: false, reason });
    });
  });

  describe('should trim, apply NFKC and lower-case', () => {
    test.each([
      ['surrounding whitespace', '  anna@web.de \t', 'anna@web.de'],
      ['upper case', 'Anna.Schmidt@WEB.DE', 'anna.schmidt@web.de'],
      ['full-width characters (NFKC)', 'ａｎｎａ@ｗｅｂ.ｄｅ', 'anna@web.de'],
      ['an umlaut in the local part', 'Jürgen@web.de', 'jürgen@web.de'],
      ['a decomposed umlaut (NFKC composes it)', 'ju\u0308rgen@web.de', 'jürgen@web.de'],
      ['an IDN domain', 'anna@Müller.de', 'anna@müller.de'],
      ['a punycode TLD', 'anna@example.xn--p1ai', 'anna@example.xn--p1ai'],
      ['exactly 254 characters', `${'a'.repeat(64)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(6)}`, `${'a'.repeat(64)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(6)}`],
    ])('for %s', (_label, raw, value) => {
      expect(normaliseEmail(raw)).toStrictEqual({ ok: true, value });
    });
  });

  describe('should remove plus-tags from the local part', () => {
    test.each([
      ['a tag', 'anna+shop@web.de', 'anna@web.de'],
      ['several plus signs', 'anna+shop+2024@web.de', 'anna@web.de'],
      ['an empty tag', 'anna+@web.de', 'anna@web.de'],
    ])('for %s', (_label, raw, value) => {
      expect(normaliseEmail(raw)).toStrictEqual({ ok: true, value });
    });
  });

  describe('should remove dots for Gmail only and map googlemail.com to gmail.com', () => {
    test.each([
      ['a Gmail address with dots', 'Anna.Schmidt@gmail.com', 'annaschmidt@gmail.com'],
      ['a Googlemail address', 'anna.schmidt@googlemail.com', 'annaschmidt@gmail.com'],
      ['Gmail with dots and a tag', 'a.n.n.a+news@GMail.com', 'anna@gmail.com'],
      ['a dot in the tag only', 'anna+news.letter@gmail.com', 'anna@gmail.com'],
      ['another domain (dots kept)', 'anna.schmidt@web.de', 'anna.schmidt@web.de'],
      ['a Gmail look-alike domain (dots kept)', 'anna.schmidt@gmail.de', 'anna.schmidt@gmail.de'],
      ['a gmail.com subdomain (dots kept)', 'anna.schmidt@mail.gmail.com', 'anna.schmidt@mail.gmail.com'],
    ])('for %s', (_label, raw, value) => {
      expect(normaliseEmail(raw)).toStrictEqual({ ok: true, value });
    });
  });

  describe('should be a fixed point on its own output', () => {
    test.prop([fc.oneof(fc.emailAddress(), anyText)])('for any input', (raw) => {
      const first = normaliseEmail(raw);
      if (first.ok) expect(normaliseEmail(first.value)).toStrictEqual(first);
    });
  });

  describe('should never throw', () => {
    test.prop([anyText])('for arbitrary strings, lone surrogates included', (raw) => {
      const result = normaliseEmail(raw);
      expect(typeof result.ok).toBe('boolean');
    });
  });

  describe('should map variants of one address to the same value', () => {
    const localPart = fc.stringMatching(/^[a-z0-9]{1,20}$/);
    const tag = fc.option(fc.stringMatching(/^(?:[a-z0-9]{1,5}(?:\.[a-z0-9]{1,5})?)?$/), { nil: undefined });
    const randomCase = (text: string, flips: readonly boolean[]): string =>
      [...text].map((char, i) => (flips[i % flips.length] === true ? char.toUpperCase() : char)).join('');

    test.prop([localPart, fc.constantFrom('web.de', 'gmx.net', 't-online.de', 'gmail.com'), tag, fc.array(fc.boolean(), { minLength: 1 })])(
      'for case and plus-tag variants at any domain',
      (local, domain, plusTag, flips) => {
        const variant = randomCase(`${local}${plusTag === undefined ? '' : `+${plusTag}`}@${domain}`, flips);
        expect(normaliseEmail(variant)).toStrictEqual(normaliseEmail(`${local}@${domain}`));
      },
    );

    test.prop([localPart, fc.constantFrom('gmail.com', 'googlemail.com', 'GoogleMail.com'), tag, fc.array(fc.boolean(), { minLength: 1 })])(
      'for dot, case, plus-tag and googlemail variants of a Gmail address',
      (local, domain, plusTag, dotAfter) => {
        const dotted = [...local].map((char, i) => (dotAfter[i % dotAfter.length] === true && i < local.length - 1 ? `${char}.` : char)).join('');
        const variant = `${dotted}${plusTag === undefined ? '' : `+${plusTag}`}@${domain}`;
        expect(normaliseEmail(variant)).toStrictEqual({ ok: true, value: `${local}@gmail.com` });
      },
    );

    test.prop([fc.stringMatching(/^[a-z]{1,10}$/), fc.stringMatching(/^[a-z]{1,10}$/)])(
      'but not for dot variants outside Gmail',
      (first, last) => {
        expect(normaliseEmail(`${first}.${last}@web.de`)).not.toStrictEqual(normaliseEmail(`${first}${last}@web.de`));
      },
    );
  });
});
