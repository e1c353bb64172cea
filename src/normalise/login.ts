// Normalises a raw login (user name) into its case-folded form.
import { invalid, normalised, type NormaliseResult } from './result.js';

/** Longer values are not logins but pasted text; rejecting them keeps the graph small. */
const MAX_LOGIN_LENGTH = 256;
/** Whitespace, control and format characters, and lone surrogates (not representable in UTF-8 output). */
const BAD_CHARACTERS = /[\s\p{Z}\p{Cc}\p{Cf}\p{Cs}]/u;

/**
 * Normalises a login: trimmed, NFKC, lower-cased. Internal whitespace makes it invalid.
 *
 * @param raw - the value as read from the input
 * @returns the normalised login, or `empty` / `too_long` / `bad_characters`
 * @example normaliseLogin(' Anna.Schmidt ') // { ok: true, value: 'anna.schmidt' }
 */
export function normaliseLogin(raw: string): NormaliseResult {
  const trimmed = raw.trim();
  if (trimmed === '') return invalid('empty');
  if (trimmed.length > MAX_LOGIN_LENGTH) return invalid('too_long');
  const folded = trimmed.normalize('NFKC').toLowerCase().trim();
  if (folded === '') return invalid('empty');
  if (folded.length > MAX_LOGIN_LENGTH) return invalid('too_long');
  if (BAD_CHARACTERS.test(folded)) return invalid('bad_characters');
  return normalised(folded);
}
