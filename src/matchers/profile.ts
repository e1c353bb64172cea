// What fuzzy matchers compare: a record's attributes prepared once (split, coded), not per pair.
import type { MatchRecord } from './match-record.js';
import { exactSize } from '../memory/exact-size.js';
import { isPlaceholder } from '../normalise/junk.js';
import { soundex } from './soundex.js';

/** An email address split at its last `@`. */
export interface EmailParts {
  readonly local: string;
  readonly domain: string;
}

/** A record's fuzzy-matching features, computed once per record. */
export interface MatchProfile {
  /** The record's canonical index. */
  readonly index: number;
  readonly first: string | null;
  readonly last: string | null;
  /** Soundex of the first token of the first / last name. */
  readonly firstCode: string | null;
  readonly lastCode: string | null;
  /** ISO `YYYY-MM-DD`. */
  readonly birthDate: string | null;
  /** The full normalised street line. */
  readonly street: string | null;
  /** The street line without house numbers and without spaces ("pridham street" → "pridhamstreet"). */
  readonly streetName: string | null;
  /** The house-number tokens of the street line, space-joined ("12 14a"). */
  readonly houseNumber: string | null;
  readonly postalCode: string | null;
  readonly city: string | null;
  /** The normalised national ID (national-id.ts). */
  readonly nationalId: string | null;
  /** Emails, placeholders left out. */
  readonly emails: readonly EmailParts[];
  /** E.164 phone numbers, placeholders left out. */
  readonly phones: readonly string[];
}

const HAS_DIGIT = /\d/;

function splitEmail(email: string): EmailParts {
  const at = email.lastIndexOf('@');
  return at < 0 ? { local: email, domain: '' } : { local: email.slice(0, at), domain: email.slice(at + 1) };
}

const isPlaceholderPhone = (phone: string) => isPlaceholder('phone', phone);

/**
 * Prepares a record for fuzzy comparison.
 *
 * @param record - the normalised record
 * @returns its profile
 * @example profileOf(record).streetName // 'hauptstrasse' for street 'hauptstrasse 5a'
 */
export function profileOf(record: MatchRecord): MatchProfile {
  let streetName: string | null = null;
  let houseNumber: string | null = null;
  if (record.street !== null) {
    const tokens = record.street.split(' ');
    const name = tokens.filter((token) => !HAS_DIGIT.test(token)).join('');
    const numbers = tokens.filter((token) => HAS_DIGIT.test(token)).join(' ');
    streetName = name === '' ? null : name;
    houseNumber = numbers === '' ? null : numbers;
  }
  const firstToken = record.firstName?.split(' ')[0] ?? null;
  const lastToken = record.lastName?.split(' ')[0] ?? null;
  return {
    index: record.index,
    first: record.firstName,
    last: record.lastName,
    firstCode: firstToken === null ? null : soundex(firstToken),
    lastCode: lastToken === null ? null : soundex(lastToken),
    birthDate: record.birthDate,
    street: record.street,
    streetName,
    houseNumber,
    postalCode: record.postalCode,
    city: record.city,
    nationalId: record.nationalId ?? null,
    // Placeholders (test@test.de, 0000000000) never link, fuzzily either. Values merely held by
    // very many records are kept out by the blocking rules' size limits.
    emails: record.emails.filter((email) => !isPlaceholder('email', email)).map(splitEmail),
    // The record's own (exact-size) array when no phone is a placeholder, the usual case.
    phones: record.phones.some(isPlaceholderPhone) ? exactSize(record.phones.filter((phone) => !isPlaceholderPhone(phone))) : record.phones,
  };
}

/** True when the profile holds anything a fuzzy matcher can compare. */
export function hasFuzzyFields(profile: MatchProfile): boolean {
  return (
    profile.first !== null ||
    profile.last !== null ||
    profile.birthDate !== null ||
    profile.street !== null ||
    profile.nationalId !== null ||
    profile.emails.length > 0 ||
    profile.phones.length > 0
  );
}
