// Field-by-field comparison of two profiles: one agreement level (and similarity) per kind of evidence.
import type { EmailParts, MatchProfile } from './profile.js';
import { editDistance, levenshteinSimilarity, nameSimilarity, tokenOverlap } from './similarity.js';
import { isGenderedVariant } from './gendered-names.js';
import { oneTypoApart } from './national-id.js';

/** How two names agree; `weak` = an initial, a shortened form ("max"/"maximilian") or a shared token. */
export type NameLevel = 'exact' | 'similar' | 'weak' | 'different' | 'missing';
/**
 * `one-off` = one digit changed, two adjacent digits transposed, or day and month swapped;
 * `near` = two digits changed, or at most a month apart (a date written down some days or weeks off).
 */
export type DateLevel = 'exact' | 'one-off' | 'near' | 'different' | 'missing';
/** Street name (the street line without house numbers and spaces). */
export type StreetLevel = 'exact' | 'similar' | 'different' | 'missing';
/** House number(s) of the street line. */
export type HouseNumberLevel = 'exact' | 'different' | 'missing';
/** Postal code: `similar` = one character apart. */
export type PostalCodeLevel = 'exact' | 'similar' | 'different' | 'missing';
/** City; `missing` too when the postal codes agree (the city then adds nothing: it follows from the code). */
export type CityLevel = 'exact' | 'similar' | 'different' | 'missing';
/** Email or phone: `similar` = a typo apart (email: the local part, or the domain with the same local part). */
export type ContactLevel = 'exact' | 'similar' | 'different' | 'missing';

/** National ID: `similar` = one typo apart (a character changed, added or dropped, or two neighbours swapped). */
export type NationalIdLevel = 'exact' | 'similar' | 'different' | 'missing';

/** Similarity thresholds of the comparison (from the `fuzzy` config). */
export interface ComparisonThresholds {
  /** Name similarity (best of Jaro-Winkler and Levenshtein) from which two names (or cities) count as `similar`. */
  readonly name: number;
  /** Levenshtein similarity from which two street names or emails count as `similar`. */
  readonly text: number;
}

/** The outcome of comparing two profiles. Similarities are in [0, 1] and 0 when a side is missing. */
export interface Comparison {
  readonly first: NameLevel;
  readonly firstSimilarity: number;
  readonly last: NameLevel;
  readonly lastSimilarity: number;
  /** First and last name agree better crosswise (one record has them the other way round); levels are the crosswise ones. */
  readonly swapped: boolean;
  readonly birthDate: DateLevel;
  readonly street: StreetLevel;
  readonly streetSimilarity: number;
  readonly houseNumber: HouseNumberLevel;
  readonly postalCode: PostalCodeLevel;
  readonly city: CityLevel;
  readonly email: ContactLevel;
  readonly emailSimilarity: number;
  readonly phone: ContactLevel;
  readonly nationalId: NationalIdLevel;
}

const NAME_RANK: Readonly<Record<NameLevel, number>> = { exact: 4, similar: 3, weak: 2, different: 0, missing: 1 };

function isPrefixForm(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 1 && long.startsWith(short) && (short.length === 1 || short.length >= 3);
}

/**
 * Compares two names.
 * @returns the level and the similarity (best of Jaro-Winkler and Levenshtein)
 */
export function compareNames(a: string | null, b: string | null, threshold: number): { level: NameLevel; similarity: number } {
  if (a === null || b === null) return { level: 'missing', similarity: 0 };
  if (a === b) return { level: 'exact', similarity: 1 };
  const similarity = nameSimilarity(a, b);
  let level: NameLevel = 'different';
  if (similarity >= threshold) level = 'similar';
  else if (isPrefixForm(a, b) || (a.includes(' ') || b.includes(' ') ? tokenOverlap(a, b) > 0 : false)) level = 'weak';
  if (level !== 'different' && isGenderedVariant(a, b)) level = 'different';
  return { level, similarity };
}

/** Birth dates as `YYYY-MM-DD` (compared by character codes: this runs for every candidate pair). */
export function compareBirthDates(a: string | null, b: string | null): DateLevel {
  const level = compareBirthDateDigits(a, b);
  if (level !== 'different' || a!.length !== 10 || b!.length !== 10) return level;
  return Math.abs(dayNumber(a!) - dayNumber(b!)) <= MONTH_DAYS ? 'near' : 'different';
}

/**
 * True when two birth dates are exact or one off (what the anchor check needs): the digit
 * comparison alone, without the day count of `near`.
 */
export function birthDatesClose(a: string | null, b: string | null): boolean {
  const level = compareBirthDateDigits(a, b);
  return level === 'exact' || level === 'one-off';
}

/** The digit-wise levels of compareBirthDates: `near` only for two changed digits. */
function compareBirthDateDigits(a: string | null, b: string | null): DateLevel {
  if (a === null || b === null) return 'missing';
  if (a === b) return 'exact';
  if (a.length !== 10 || b.length !== 10) return 'different';
  let first = -1;
  let second = -1;
  let differences = 0;
  for (let index = 0; index < 10; index++) {
    if (a.charCodeAt(index) === b.charCodeAt(index)) continue;
    differences++;
    if (differences === 1) first = index;
    else if (differences === 2) second = index;
  }
  if (differences === 1) return 'one-off';
  if (differences === 2 && second === first + 1 && a.charCodeAt(first) === b.charCodeAt(second) && a.charCodeAt(second) === b.charCodeAt(first)) {
    return 'one-off';
  }
  if (differences <= 4 && isDayMonthSwap(a, b)) return 'one-off';
  return differences === 2 ? 'near' : 'different';
}

/** At most this many days apart, two birth dates are `near` (whatever their digits). */
const MONTH_DAYS = 31;

/** The digit at `index` of a `YYYY-MM-DD` string. */
function digitAt(text: string, index: number): number {
  return text.charCodeAt(index) - 48;
}

/**
 * A day count of a `YYYY-MM-DD` date (proleptic Gregorian, counted from a March 1st so that
 * leap days fall at the end of a year), from character codes: this runs for candidate pairs.
 */
function dayNumber(date: string): number {
  let year = digitAt(date, 0) * 1000 + digitAt(date, 1) * 100 + digitAt(date, 2) * 10 + digitAt(date, 3);
  const month = digitAt(date, 5) * 10 + digitAt(date, 6);
  const day = digitAt(date, 8) * 10 + digitAt(date, 9);
  if (month <= 2) year--;
  const shifted = (month + 9) % 12;
  return year * 365 + Math.floor(year / 4) - Math.floor(year / 100) + Math.floor(year / 400) + Math.floor((153 * shifted + 2) / 5) + day - 1;
}

/** Same year, month and day swapped (`1985-03-07` / `1985-07-03`). */
function isDayMonthSwap(a: string, b: string): boolean {
  for (let index = 0; index < 4; index++) if (a.charCodeAt(index) !== b.charCodeAt(index)) return false;
  return (
    a.charCodeAt(5) === b.charCodeAt(8) &&
    a.charCodeAt(6) === b.charCodeAt(9) &&
    a.charCodeAt(8) === b.charCodeAt(5) &&
    a.charCodeAt(9) === b.charCodeAt(6)
  );
}

function compareStreets(a: MatchProfile, b: MatchProfile, threshold: number): { level: StreetLevel; similarity: number } {
  if (a.streetName === null || b.streetName === null) return { level: 'missing', similarity: 0 };
  if (a.streetName === b.streetName) return { level: 'exact', similarity: 1 };
  const similarity = levenshteinSimilarity(a.streetName, b.streetName);
  return { level: similarity >= threshold ? 'similar' : 'different', similarity };
}

function compareHouseNumbers(a: MatchProfile, b: MatchProfile): HouseNumberLevel {
  if (a.houseNumber === null || b.houseNumber === null) return 'missing';
  return a.houseNumber === b.houseNumber ? 'exact' : 'different';
}

function oneDigitApart(a: string, b: string): boolean {
  return a.length === b.length && editDistance(a, b) === 1;
}

function comparePostalCodes(a: MatchProfile, b: MatchProfile): PostalCodeLevel {
  if (a.postalCode === null || b.postalCode === null) return 'missing';
  if (a.postalCode === b.postalCode) return 'exact';
  return oneDigitApart(a.postalCode, b.postalCode) ? 'similar' : 'different';
}

/** National IDs: exact, one typo apart, or different. */
export function compareNationalIds(a: string | null, b: string | null): NationalIdLevel {
  if (a === null || b === null) return 'missing';
  if (a === b) return 'exact';
  return oneTypoApart(a, b) ? 'similar' : 'different';
}

function compareCities(a: MatchProfile, b: MatchProfile, postalCode: PostalCodeLevel, nameThreshold: number): CityLevel {
  if (a.city === null || b.city === null || postalCode === 'exact') return 'missing';
  if (a.city === b.city) return 'exact';
  return nameSimilarity(a.city, b.city) >= nameThreshold ? 'similar' : 'different';
}

const NOT_DIGITS = /\D+/g;

function digitsOf(text: string): string {
  return text.replace(NOT_DIGITS, '');
}

function compareEmailParts(a: EmailParts, b: EmailParts, threshold: number): { level: ContactLevel; similarity: number } {
  if (a.local === b.local && a.domain === b.domain) return { level: 'exact', similarity: 1 };
  // Digits in a local part are years and counters ("thomas1953", "anna.k2"): a different digit
  // is a different mailbox, not a typo.
  if (digitsOf(a.local) !== digitsOf(b.local)) return { level: 'different', similarity: 0 };
  let similarity = 0;
  if (a.domain === b.domain) similarity = levenshteinSimilarity(a.local, b.local);
  else if (a.local === b.local) similarity = levenshteinSimilarity(a.domain, b.domain);
  return { level: similarity >= threshold ? 'similar' : 'different', similarity };
}

const CONTACT_RANK: Readonly<Record<ContactLevel, number>> = { exact: 3, similar: 2, different: 1, missing: 0 };

function compareEmails(a: readonly EmailParts[], b: readonly EmailParts[], threshold: number): { level: ContactLevel; similarity: number } {
  let best: { level: ContactLevel; similarity: number } = { level: 'missing', similarity: 0 };
  for (const x of a) {
    for (const y of b) {
      const result = compareEmailParts(x, y, threshold);
      if (CONTACT_RANK[result.level] > CONTACT_RANK[best.level] || (result.level === best.level && result.similarity > best.similarity)) {
        best = result;
      }
    }
  }
  return best;
}

function comparePhones(a: readonly string[], b: readonly string[]): ContactLevel {
  let best: ContactLevel = 'missing';
  for (const x of a) {
    for (const y of b) {
      const level: ContactLevel = x === y ? 'exact' : Math.abs(x.length - y.length) <= 1 && editDistance(x, y) === 1 ? 'similar' : 'different';
      if (CONTACT_RANK[level] > CONTACT_RANK[best]) best = level;
    }
  }
  return best;
}

/**
 * Compares two profiles field by field. First and last name are also compared crosswise; the
 * crosswise reading is taken when at least one name agrees crosswise and it agrees better than the straight one.
 *
 * @param a - one profile
 * @param b - the other profile
 * @param thresholds - similarity thresholds
 * @returns one level per field
 */
export function compareProfiles(a: MatchProfile, b: MatchProfile, thresholds: ComparisonThresholds): Comparison {
  let first = compareNames(a.first, b.first, thresholds.name);
  let last = compareNames(a.last, b.last, thresholds.name);
  let swapped = false;
  const crossPossible = (a.first !== null && b.last !== null) || (a.last !== null && b.first !== null);
  if (crossPossible && NAME_RANK[first.level] + NAME_RANK[last.level] < 6) {
    const crossFirst = compareNames(a.first, b.last, thresholds.name);
    const crossLast = compareNames(a.last, b.first, thresholds.name);
    const cross = NAME_RANK[crossFirst.level] + NAME_RANK[crossLast.level];
    if (Math.max(NAME_RANK[crossFirst.level], NAME_RANK[crossLast.level]) >= 3 && cross > NAME_RANK[first.level] + NAME_RANK[last.level]) {
      first = crossFirst;
      last = crossLast;
      swapped = true;
    }
  }
  const street = compareStreets(a, b, thresholds.text);
  const postalCode = comparePostalCodes(a, b);
  const email = compareEmails(a.emails, b.emails, thresholds.text);
  return {
    first: first.level,
    firstSimilarity: first.similarity,
    last: last.level,
    lastSimilarity: last.similarity,
    swapped,
    birthDate: compareBirthDates(a.birthDate, b.birthDate),
    street: street.level,
    streetSimilarity: street.similarity,
    houseNumber: compareHouseNumbers(a, b),
    postalCode,
    city: compareCities(a, b, postalCode, thresholds.name),
    email: email.level,
    emailSimilarity: email.similarity,
    phone: comparePhones(a.phones, b.phones),
    nationalId: compareNationalIds(a.nationalId, b.nationalId),
  };
}
