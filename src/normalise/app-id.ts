// Normalises a raw app ID (device or installation identifier), an opaque value kept as written.
import { invalid, normalised, type NormaliseResult } from './result.js';

const MAX_APP_ID_LENGTH = 256;
/** Whitespace, control and format characters, and lone surrogates (not representable in UTF-8 output). */
const BAD_CHARACTERS = /[\s\p{Z}\p{Cc}\p{Cf}\p{Cs}]/u;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Normalises an app ID: trimmed; the case is kept (opaque IDs may be case-sensitive) except
 * that a UUID is lower-cased, since iOS writes IDFAs/IDFVs upper-case and Android lower-case.
 *
 * @param raw - the value as read from the input
 * @returns the normalised ID, or `empty` / `too_long` / `bad_characters` (internal whitespace)
 * @example normaliseAppId('6D92078A-8246-4BA4-AE5B-76104861E7DC') // { ok: true, value: '6d92078a-8246-4ba4-ae5b-76104861e7dc' }
 */
export function normaliseAppId(raw: string): NormaliseResult {
  const trimmed = raw.trim();
  if (trimmed === '') return invalid('empty');
  if (trimmed.length > MAX_APP_ID_LENGTH) return invalid('too_long');
  if (BAD_CHARACTERS.test(trimmed)) return invalid('bad_characters');
  return normalised(UUID.test(trimmed) ? trimmed.toLowerCase() : trimmed);
}
