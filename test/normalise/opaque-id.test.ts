import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { normaliseIdentifier } from '../../src/normalise/identifier.js';
import { normaliseOpaqueId } from '../../src/normalise/opaque-id.js';

/** Any UTF-16 string, lone surrogates included. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) }),
  fc.uuid().map((uuid) => uuid.toUpperCase()),
);

describe('normaliseOpaqueId', () => {
  describe('should reject values that cannot be an ID', () => {
    test.each([
      ['the empty string', '', 'empty'],
      ['only whitespace', ' \t\n ', 'empty'],
      ['a huge value', 'a'.repeat(1_000_000), 'too_long'],
      ['257 characters', 'a'.repeat(257), 'too_long'],
      ['an inner space', 'abc def', 'bad_characters'],
      ['an inner newline', 'abc\ndef', 'bad_characters'],
      ['an inner no-break space', 'abc\u00a0def', 'bad_characters'],
      ['a control character', 'abc\u0000def', 'bad_characters'],
      ['a zero-width space', 'abc\u200bdef', 'bad_characters'],
      ['a lone surrogate', 'abc\ud800', 'bad_characters'],
    ])('for %s', (_label, raw, reason) => {
      expect(normaliseOpaqueId(raw)).toStrictEqual({ ok: false, reason });
    });
  });

  describe('should trim and keep the case of opaque IDs', () => {
    test.each([
      ['256 characters', 'A'.repeat(256), 'A'.repeat(256)],
      ['surrounding whitespace', '  AbC123\t', 'AbC123'],
      ['mixed case (kept)', 'ios-7f3a9c', 'ios-7f3a9c'],
      ['a _ga cookie (kept as written)', 'GA1.2.1234567890.1699999999', 'GA1.2.1234567890.1699999999'],
      ['a UUID without dashes (not a UUID form, kept)', '6D92078A82464BA4AE5B76104861E7DC', '6D92078A82464BA4AE5B76104861E7DC'],
      ['a UUID-like value with a non-hex letter (kept)', '6D92078A-8246-4BA4-AE5B-76104861E7DG', '6D92078A-8246-4BA4-AE5B-76104861E7DG'],
      ['full-width letters (no NFKC on opaque IDs)', 'ＡＢＣ', 'ＡＢＣ'],
    ])('for %s', (_label, raw, value) => {
      expect(normaliseOpaqueId(raw)).toStrictEqual({ ok: true, value });
    });
  });

  describe('should lower-case UUIDs', () => {
    test.each([
      ['an upper-case UUID (iOS)', '6D92078A-8246-4BA4-AE5B-76104861E7DC', '6d92078a-8246-4ba4-ae5b-76104861e7dc'],
      ['a mixed-case UUID', '6d92078A-8246-4ba4-AE5B-76104861e7dc', '6d92078a-8246-4ba4-ae5b-76104861e7dc'],
      ['a padded UUID', ' 6D92078A-8246-4BA4-AE5B-76104861E7DC ', '6d92078a-8246-4ba4-ae5b-76104861e7dc'],
    ])('for %s', (_label, raw, value) => {
      expect(normaliseOpaqueId(raw)).toStrictEqual({ ok: true, value });
    });

    test.prop([fc.uuid(), fc.array(fc.boolean(), { minLength: 1 })])('for any casing of one UUID', (uuid, flips) => {
      const variant = [...uuid].map((char, i) => (flips[i % flips.length] === true ? char.toUpperCase() : char)).join('');
      expect(normaliseOpaqueId(variant)).toStrictEqual({ ok: true, value: uuid });
    });
  });

  describe('should be a fixed point on its own output', () => {
    test.prop([anyText])('for any input', (raw) => {
      const first = normaliseOpaqueId(raw);
      if (first.ok) expect(normaliseOpaqueId(first.value)).toStrictEqual(first);
    });
  });

  describe('should never throw', () => {
    test.prop([anyText])('for arbitrary strings, lone surrogates included', (raw) => {
      expect(typeof normaliseOpaqueId(raw).ok).toBe('boolean');
    });
  });
});

describe('normaliseIdentifier for app_id and cookie_id', () => {
  test.prop([anyText])('should apply the opaque-ID rule to both types', (raw) => {
    const expected = normaliseOpaqueId(raw);
    expect(normaliseIdentifier('app_id', raw, { defaultRegion: 'DE' })).toStrictEqual(expected);
    expect(normaliseIdentifier('cookie_id', raw, { defaultRegion: 'DE' })).toStrictEqual(expected);
  });
});
