// Normalises a raw email address into the form two records must share to be linked.
import { invalid, normalised, type NormaliseResult } from './result.js';

/** RFC 5321 limit for a whole address (path minus the angle brackets). */
const MAX_EMAIL_LENGTH = 254;
/** RFC 5321 limit for the local part. */
const MAX_LOCAL_LENGTH = 64;

// NOTE: the local part accepts RFC 5322 "atext" plus Unicode letters, digits and marks
// (addresses typed with umlauts do occur in German CRM data and are kept, not mangled);
// quoted local parts ("a b"@x.de) are rejected, they are vanishingly rare in customer data.
const LOCAL_PART = /^[\p{L}\p{N}\p{M}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}\p{M}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}\p{M}](?:[\p{L}\p{N}\p{M}-]{0,61}[\p{L}\p{N}\p{M}])?$/u;
// NOTE: the TLD is checked for shape (2+ letters, or an IDN in punycode), not against the
// IANA list: that list changes every year and a stale copy would reject real customers.
const TLD = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/u;

const GMAIL_DOMAINS: ReadonlySet<string> = new Set(['gmail.com', 'googlemail.com']);

/**
 * Normalises an email address: trimmed, NFKC, lower-cased, `+tag` removed from the local part;
 * for gmail.com/googlemail.com the dots of the local part are removed and the domain becomes gmail.com.
 *
 * @param raw - the value as read from the input
 * @returns the normalised address, or `empty` / `too_long` / `email_syntax`
 * @example normaliseEmail(' Anna.Schmidt+shop@GoogleMail.com ') // { ok: true, value: 'annaschmidt@gmail.com' }
 */
export function normaliseEmail(raw: string): NormaliseResult {
  const trimmed = raw.trim();
  if (trimmed === '') return invalid('empty');
  // Checked before NFKC so that huge values cost nothing; NFKC can only expand by a few characters.
  if (trimmed.length > MAX_EMAIL_LENGTH) return invalid('too_long');
  const folded = trimmed.normalize('NFKC').toLowerCase().trim();
  if (folded === '') return invalid('empty');
  if (folded.length > MAX_EMAIL_LENGTH) return invalid('too_long');

  const at = folded.indexOf('@');
  if (at <= 0 || at !== folded.lastIndexOf('@')) return invalid('email_syntax');
  let local = folded.slice(0, at);
  let domain = folded.slice(at + 1);
  if (local.length > MAX_LOCAL_LENGTH || !LOCAL_PART.test(local) || !isValidDomain(domain)) {
    return invalid('email_syntax');
  }

  const plus = local.indexOf('+');
  if (plus >= 0) {
    local = local.slice(0, plus);
    // The address without its tag must be valid too: `+shop@x.de` and `anna.+shop@x.de` are not.
    if (!LOCAL_PART.test(local)) return invalid('email_syntax');
  }
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.replaceAll('.', '');
    domain = 'gmail.com';
  }
  return normalised(`${local}@${domain}`);
}

function isValidDomain(domain: string): boolean {
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  const tld = labels[labels.length - 1] ?? '';
  return TLD.test(tld) && labels.every((label) => DOMAIN_LABEL.test(label));
}
