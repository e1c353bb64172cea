// Normalises a raw loyalty (customer card) number into upper-case alphanumerics.
import { invalid, normalised, type NormaliseResult } from './result.js';

const MIN_LOYALTY_LENGTH = 4;
const MAX_LOYALTY_LENGTH = 256;
/** Separators people type into card numbers: whitespace, ASCII and Unicode dashes, dots. */
const SEPARATORS = /[\s\p{Z}\p{Pd}.]/gu;
const ALPHANUMERIC = /^[A-Za-z0-9]+$/;

/**
 * Normalises a loyalty number: NFKC (full-width digits become ASCII), spaces, dashes and dots
 * removed, upper-cased. The result must be at least 4 characters of `[A-Z0-9]`.
 *
 * @param raw - the value as read from the input
 * @returns the normalised number, or `empty` / `too_long` / `bad_characters` (also for fewer than 4 characters)
 * @example normaliseLoyaltyNumber('ab-1234 5678') // { ok: true, value: 'AB12345678' }
 */
export function normaliseLoyaltyNumber(raw: string): NormaliseResult {
  const trimmed = raw.trim();
  if (trimmed === '') return invalid('empty');
  // Separators included: a value this long is pasted text, and NFKC on it would be wasted work.
  if (trimmed.length > MAX_LOYALTY_LENGTH) return invalid('too_long');
  const compact = trimmed.normalize('NFKC').replace(SEPARATORS, '');
  if (compact === '') return invalid('empty');
  if (compact.length > MAX_LOYALTY_LENGTH) return invalid('too_long');
  // Checked before upper-casing: 'ß' and 'ı' would otherwise become the ASCII 'SS' and 'I'.
  if (compact.length < MIN_LOYALTY_LENGTH || !ALPHANUMERIC.test(compact)) return invalid('bad_characters');
  return normalised(compact.toUpperCase());
}
