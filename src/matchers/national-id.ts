// National identity numbers (social security, tax or passport numbers) as fuzzy matching compares them.
//
// Such a number is meant to be one person's, but it is keyed by hand like any other field: a
// digit changes, two digits swap. So it is an attribute weighed with the others (a strong one),
// never a deterministic key: a typo in it must not merge two people, and a shared one must not
// outweigh names and a birth date that disagree.

const NOT_ALPHANUMERIC = /[^0-9a-z]+/g;

/**
 * Normalises a national ID for comparison: lower-cased, without spaces, dashes, dots or slashes.
 *
 * @param value - the raw value
 * @returns the normalised value, or null when nothing is left
 * @example normaliseNationalId('123-45 678') // '12345678'
 */
export function normaliseNationalId(value: string): string | null {
  const normalised = value.toLowerCase().replace(NOT_ALPHANUMERIC, '');
  return normalised === '' ? null : normalised;
}

/**
 * True when two different IDs are one typo apart: one character changed, inserted or dropped,
 * or two adjacent characters swapped (Damerau–Levenshtein distance 1).
 * Why not fast-levenshtein: it counts a swap of adjacent digits as two edits.
 *
 * @param a - a normalised ID
 * @param b - another normalised ID
 * @returns whether they differ by exactly one typo
 */
export function oneTypoApart(a: string, b: string): boolean {
  if (a === b) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.length - short.length > 1) return false;
  let start = 0;
  while (start < short.length && short.charCodeAt(start) === long.charCodeAt(start)) start++;
  if (short.length !== long.length) return short.slice(start) === long.slice(start + 1);
  if (short.slice(start + 1) === long.slice(start + 1)) return true;
  return (
    start + 1 < short.length &&
    short.charCodeAt(start) === long.charCodeAt(start + 1) &&
    short.charCodeAt(start + 1) === long.charCodeAt(start) &&
    short.slice(start + 2) === long.slice(start + 2)
  );
}

/** IDs shorter than this get only themselves as a blocking key (see nationalIdKeys). */
const MIN_DELETION_KEY_LENGTH = 9;

/**
 * Blocking keys of an ID that any one typo leaves shared: the ID itself and, for IDs of nine or
 * more characters, the ID with each one character left out (a changed character leaves the
 * deletion at its position shared, an inserted one the shorter ID itself, two swapped
 * neighbours the deletion of either).
 * NOTE: a shorter ID gets no deletion keys: its deletions are shared by chance too often (seven
 * digits leave 10^6 six-digit keys, so among a million records each would meet dozens of
 * strangers). A typo in a short ID is then found only through the other matchers' blocks.
 *
 * @param id - a normalised ID
 * @returns the distinct keys
 * @example nationalIdKeys('123456789') // ['123456789', '23456789', '13456789', …, '12345678']
 */
export function nationalIdKeys(id: string): string[] {
  const keys = new Set([id]);
  if (id.length >= MIN_DELETION_KEY_LENGTH) for (let index = 0; index < id.length; index++) keys.add(id.slice(0, index) + id.slice(index + 1));
  return [...keys];
}
