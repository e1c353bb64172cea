// Normalises an opaque identifier kept as written: app IDs (device or installation) and cookie IDs.
import { invalid, normalised, type NormaliseResult } from './result.js';

const MAX_OPAQUE_ID_LENGTH = 256;
/** Whitespace, control and format characters, and lone surrogates (not representable in UTF-8 output). */
const BAD_CHARACTERS = /[\s\p{Z}\p{Cc}\p{Cf}\p{Cs}]/u;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Normalises an app ID or cookie ID: trimmed; the case is kept (opaque IDs may be
 * case-sensitive) except that a UUID is lower-cased (UUIDs are case-insensitive by RFC 9562;
 * iOS writes IDFAs/IDFVs upper-case, Android lower-case). One rule for both types today; a type
 * that needs its own (a cookie format such as `_ga`'s `GA1.2.<id>.<ts>`) gets its own function.
 *
 * @param raw - the value as read from the input
 * @returns the normalised ID, or `empty` / `too_long` / `bad_characters` (internal whitespace)
 * @example normaliseOpaqueId('6D92078A-8246-4BA4-AE5B-76104861E7DC') // { ok: true, value: '6d92078a-8246-4ba4-ae5b-76104861e7dc' }
 */
export function normaliseOpaqueId(raw: string): NormaliseResult {
  const trimmed = raw.trim();
  if (trimmed === '') return invalid('empty');
  if (trimmed.length > MAX_OPAQUE_ID_LENGTH) return invalid('too_long');
  if (BAD_CHARACTERS.test(trimmed)) return invalid('bad_characters');
  return normalised(UUID.test(trimmed) ? trimmed.toLowerCase() : trimmed);
}
