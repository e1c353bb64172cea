// Tests for content customer IDs: the format, and the same ID for the same records in every version.
import { createHash } from 'node:crypto';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { contentCustomerId, isCustomerId } from '../../src/ids/customer-id.js';

/** The first 80 bits of SHA-256 over the keys, each followed by LF, in base32hex: the documented derivation, written out. */
function expectedId(keys: readonly string[]): string {
  const hash = createHash('sha256');
  for (const key of keys) hash.update(`${key}\n`, 'utf8');
  let bits = '';
  for (const byte of hash.digest().subarray(0, 10)) bits += byte.toString(2).padStart(8, '0');
  let id = 'cus_';
  for (let at = 0; at < 80; at += 5) id += parseInt(bits.slice(at, at + 5), 2).toString(32);
  return id;
}

describe('contentCustomerId', () => {
  test('should give the IDs earlier versions gave (a run with --previous keeps them)', () => {
    expect(contentCustomerId(['shop/1'])).toBe('cus_13baqdpbhoeso4kd');
    expect(contentCustomerId(['crm/c-7', 'shop/1', 'web/ä✓'])).toBe('cus_4fghl9b25b7c5jov');
  });

  test.prop([fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { maxLength: 6 })])(
    'should be the hash of its keys, each followed by a line break, in the customer ID format',
    (keys) => {
      const id = contentCustomerId(keys);
      expect(id).toBe(expectedId(keys));
      expect(isCustomerId(id)).toBe(true);
    },
  );
});
