// Recognises placeholder identifier values (test@test.de, +490000000000, "n/a") that must never link records.
import { getCountries, getCountryCallingCode } from 'libphonenumber-js/max';
import type { IdentifierType } from '../identifiers/identifier-type.js';

/** Values that stand for "no value" in any column. Compared case-insensitively. */
const ANY_TYPE = [
  'n/a', 'na', 'n.a.', 'n.a', 'none', 'null', '(null)', 'nil', 'nan', 'undefined', '[object object]',
  'unknown', 'unbekannt', 'keine', 'kein', 'k.a.', 'ka', 'leer', 'empty', '-', '--', '?', '??',
  'x', 'xx', 'xxx', 'test', 'dummy',
] as const;

/** Values of opaque identifiers (login, loyalty number, app ID, cookie ID) that stand for "not logged in / no ID". */
const OPAQUE = ['0', 'anonymous', 'anonym', 'guest', 'gast', 'default', 'test', 'testuser', 'undefined', 'null'] as const;

/**
 * The built-in placeholder catalogue, as data: the report cites it, and a user can see exactly
 * what is treated as junk. Values are compared with the normalised value lower-cased.
 * Users add their own values through the `extra` argument of `isPlaceholder`.
 */
export const BUILTIN_PLACEHOLDERS = {
  /** Exact values that are placeholders for every identifier type. */
  anyType: ANY_TYPE,
  /** Exact values per identifier type, in addition to `anyType`. */
  byType: {
    email: [],
    phone: [],
    login: OPAQUE,
    loyalty_number: OPAQUE,
    app_id: OPAQUE,
    cookie_id: OPAQUE,
  },
  email: {
    /** Local parts (before `@`, with `.`, `-` and `_` removed) that are placeholders at any domain. */
    localParts: [
      'noemail', 'nomail', 'no', 'none', 'keine', 'kein', 'keineemail', 'keinemail', 'keineangabe',
      'dummy', 'null', 'nil', 'n/a', 'unknown', 'unbekannt', 'test', 'xxx', 'noreply', 'donotreply', 'nobody',
    ],
    /** Domains at which every address is a placeholder (info@test.de as much as test@test.de). */
    domains: [
      'test.de', 'test.com', 'test.org', 'test.net', 'x.xx', 'xx.xx', 'xxx.xx', 'xxx.xxx', 'xxx.de',
      'noemail.com', 'noemail.de', 'nomail.com', 'nomail.de', 'keine.de', 'keinemail.de', 'dummy.de', 'dummy.com',
      'mustermann.de', 'muster.de', 'musterfirma.de',
    ],
    /** A domain with one of these labels is a documentation domain: any@example.com/.org/.de, mail.beispiel.de. */
    domainLabels: ['example', 'beispiel'],
    /** Reserved top-level domains (RFC 2606, RFC 6761): no real mailbox lives there. */
    reservedTlds: ['test', 'example', 'invalid', 'localhost', 'local'],
  },
  /** Pattern rules, described for the report; implemented below. */
  rules: {
    email: [],
    phone: [
      'the national number is one repeated digit, 5 digits or more (+490000000000, +491111111111)',
      'the national number is an ascending or descending run of digits, 6 digits or more (+49123456789, +491234567890)',
    ],
    login: ['only zeros'],
    loyalty_number: [
      'one repeated character, 4 or more (00000000, AAAA)',
      'an ascending or descending run of digits, 4 or more (1234, 12345678)',
    ],
    app_id: ['one repeated character ignoring dashes, 4 or more (the all-zero IDFA 00000000-0000-0000-0000-000000000000)'],
    cookie_id: ['one repeated character ignoring dashes, 4 or more'],
  },
} as const satisfies {
  readonly anyType: readonly string[];
  readonly byType: { readonly [T in IdentifierType]: readonly string[] };
  readonly email: {
    readonly localParts: readonly string[];
    readonly domains: readonly string[];
    readonly domainLabels: readonly string[];
    readonly reservedTlds: readonly string[];
  };
  readonly rules: { readonly [T in IdentifierType]: readonly string[] };
};

const ANY_TYPE_SET: ReadonlySet<string> = new Set(BUILTIN_PLACEHOLDERS.anyType);
const BY_TYPE_SET: { readonly [T in IdentifierType]: ReadonlySet<string> } = {
  email: new Set(BUILTIN_PLACEHOLDERS.byType.email),
  phone: new Set(BUILTIN_PLACEHOLDERS.byType.phone),
  login: new Set(BUILTIN_PLACEHOLDERS.byType.login),
  loyalty_number: new Set(BUILTIN_PLACEHOLDERS.byType.loyalty_number),
  app_id: new Set(BUILTIN_PLACEHOLDERS.byType.app_id),
  cookie_id: new Set(BUILTIN_PLACEHOLDERS.byType.cookie_id),
};
const EMAIL_LOCAL_PARTS: ReadonlySet<string> = new Set(BUILTIN_PLACEHOLDERS.email.localParts);
const EMAIL_DOMAINS: ReadonlySet<string> = new Set(BUILTIN_PLACEHOLDERS.email.domains);
const EMAIL_DOMAIN_LABELS: ReadonlySet<string> = new Set(BUILTIN_PLACEHOLDERS.email.domainLabels);
const EMAIL_RESERVED_TLDS: ReadonlySet<string> = new Set(BUILTIN_PLACEHOLDERS.email.reservedTlds);
/** Country calling codes (1 to 3 digits, prefix-free), to find where the national number starts. */
const CALLING_CODES: ReadonlySet<string> = new Set(getCountries().map((country) => getCountryCallingCode(country)));

/**
 * Tells whether a normalised identifier value is a placeholder that must never link records.
 *
 * @param type - the identifier type
 * @param normalisedValue - the value as returned by the type's normaliser (junk is judged after normalisation)
 * @param extra - user-configured placeholders as `type:value` strings, values already normalised
 * @returns `true` when the value is in the built-in catalogue (`BUILTIN_PLACEHOLDERS`), matches one of
 *   its rules, or is in `extra`
 * @example isPlaceholder('email', 'test@test.de') // true
 */
export function isPlaceholder(type: IdentifierType, normalisedValue: string, extra?: ReadonlySet<string>): boolean {
  if (extra?.has(`${type}:${normalisedValue}`) === true) return true;
  const value = normalisedValue.toLowerCase();
  if (ANY_TYPE_SET.has(value) || BY_TYPE_SET[type].has(value)) return true;
  switch (type) {
    case 'email':
      return isPlaceholderEmail(value);
    case 'phone':
      return isPlaceholderPhone(value);
    case 'login':
      return /^0+$/.test(value);
    case 'loyalty_number':
      return isRepeatedCharacter(value, 4) || isDigitRun(value, 4);
    case 'app_id':
    case 'cookie_id':
      return isRepeatedCharacter(value.replaceAll('-', ''), 4);
    default: {
      const unhandled: never = type;
      throw new Error(`unhandled identifier type: ${String(unhandled)}`);
    }
  }
}

function isPlaceholderEmail(address: string): boolean {
  const at = address.lastIndexOf('@');
  if (at < 0) return false;
  const local = address.slice(0, at).replace(/[._-]/g, '');
  const domain = address.slice(at + 1);
  if (EMAIL_LOCAL_PARTS.has(local) || EMAIL_DOMAINS.has(domain)) return true;
  const labels = domain.split('.');
  const tld = labels[labels.length - 1] ?? '';
  return EMAIL_RESERVED_TLDS.has(tld) || labels.slice(0, -1).some((label) => EMAIL_DOMAIN_LABELS.has(label));
}

function isPlaceholderPhone(e164: string): boolean {
  if (!/^\+\d+$/.test(e164)) return false;
  const digits = e164.slice(1);
  let national = digits;
  for (let length = 1; length <= 3; length++) {
    if (CALLING_CODES.has(digits.slice(0, length))) {
      national = digits.slice(length);
      break;
    }
  }
  return isRepeatedCharacter(national, 5) || isDigitRun(national, 6);
}

/** `aaaa`, `0000`: one character repeated, at least `minLength` long. */
function isRepeatedCharacter(value: string, minLength: number): boolean {
  if (value.length < minLength) return false;
  for (let i = 1; i < value.length; i++) if (value[i] !== value[0]) return false;
  return true;
}

/** `123456`, `0123456789`, `987654` (wrapping 9→0 / 0→9): consecutive digits, at least `minLength` long. */
function isDigitRun(value: string, minLength: number): boolean {
  if (value.length < minLength || !/^\d+$/.test(value)) return false;
  const step = (Number(value[1]) - Number(value[0]) + 10) % 10;
  if (step !== 1 && step !== 9) return false;
  for (let i = 1; i < value.length; i++) {
    if ((Number(value[i]) - Number(value[i - 1]) + 10) % 10 !== step) return false;
  }
  return true;
}
