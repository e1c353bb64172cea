// Gendered name pairs (Paul/Paula, Peter/Petra, Christian/Christina): similar letters, different people.

/**
 * Endings that turn one given name into its other-gender counterpart. A couple at one address
 * often carries such a pair, and string similarity alone rates them a typo apart
 * ("daniel"/"daniela": Levenshtein 0.86, Jaro-Winkler 0.97).
 */
const ENDING_PAIRS: readonly (readonly [string, string])[] = [
  ['', 'a'],
  ['', 'e'],
  ['', 'n'],
  ['a', 'e'],
  ['a', 'o'],
  ['s', ''],
  ['er', 'ra'],
  ['ian', 'ina'],
  ['us', 'a'],
];

/**
 * True when two different names are one stem with gendered endings ("paul"/"paula",
 * "andreas"/"andrea", "peter"/"petra", "maria"/"mario").
 * NOTE: a typo that happens to add or change exactly such an ending is taken as a different
 * name; the birth date and other fields can still link the records.
 *
 * @param a - a normalised name
 * @param b - another normalised name
 * @returns whether they are gendered variants of one stem
 */
export function isGenderedVariant(a: string, b: string): boolean {
  if (a === b) return false;
  for (const [x, y] of ENDING_PAIRS) {
    for (const [p, q] of [[a, b], [b, a]] as const) {
      if (!p.endsWith(x) || !q.endsWith(y)) continue;
      const stem = p.slice(0, p.length - x.length);
      if (stem.length >= 2 && stem === q.slice(0, q.length - y.length)) return true;
    }
  }
  return false;
}
