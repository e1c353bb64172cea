// Normalises a raw cookie ID (web tracking identifier), an opaque value kept as written.
import { invalid, normalised, type NormaliseResult } from './result.js';

// NOTE: the rules are the same as app-id.ts today but live apart on purpose: cookie formats
// (e.g. `_ga`'s `GA1.2.<id>.<ts>`) may get their own handling without touching app IDs.
const MAX_COOKIE_ID_LENGTH = 256;
/** Whitespace, control and format characters, and lone surrogates (not representable in UTF-8 output). */
const BAD_CHARACTERS = /[\s\p{Z}\p{Cc}\p{Cf}\p{Cs}]/u;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Normalises a cookie ID: trimmed; the case is kept (opaque IDs may be case-sensitive) except
 * that a UUID is lower-cased (UUIDs are case-insensitive by RFC 9562).
 *
 * @param raw - the value as read from the input
 * @returns the normalised ID, or `empty` / `too_long` / `bad_characters` (internal whitespace)
 * @example normaliseCookieId(' GA1.2.1234567890.1699999999 ') // { ok: true, value: 'GA1.2.1234567890.1699999999' }
 */
export function normaliseCookieId(raw: string): NormaliseResult {
  const trimmed = raw.trim();
  if (trimmed === '') return invalid('empty');
  if (trimmed.length > MAX_COOKIE_ID_LENGTH) return invalid('too_long');
  if (BAD_CHARACTERS.test(trimmed)) return invalid('bad_characters');
  return normalised(UUID.test(trimmed) ? trimmed.toLowerCase() : trimmed);
}
