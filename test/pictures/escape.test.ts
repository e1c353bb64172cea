import { describe, expect, test } from 'vitest';
import { escapeMarkup } from '../../src/pictures/escape.js';

describe('escapeMarkup', () => {
  describe('should leave text alone', () => {
    test.each([
      ['', ''],
      ['anna@example.org', 'anna@example.org'],
      [42, '42'],
      ['Müller – Straße', 'Müller – Straße'],
    ])('for %j', (input, expected) => {
      expect(escapeMarkup(input)).toBe(expected);
    });
  });

  describe('should replace markup characters by entities', () => {
    test.each([
      ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
      ['a&b', 'a&amp;b'],
      ['"quoted" \'single\'', '&quot;quoted&quot; &#39;single&#39;'],
      ['&amp;', '&amp;amp;'],
    ])('for %j', (input, expected) => {
      expect(escapeMarkup(input)).toBe(expected);
    });
  });

  describe('should drop control characters XML does not allow', () => {
    test('for NUL, vertical tab and escape, keeping tab and newline', () => {
      expect(escapeMarkup('a\u0000b\u000bc\u001bd\te\nf')).toBe('abcd\te\nf');
    });
  });
});
