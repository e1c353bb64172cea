// Normalises a person's name (first or last) for fuzzy comparison.

/** a, o or u carrying a diaeresis (after NFKD, possibly with other marks in between): the German umlauts. */
const UMLAUT = /([aou])\p{M}*?\u0308/gu;
const COMBINING_MARKS = /\p{M}/gu;
/**
 * Letters that Unicode does not decompose into base + mark, so stripping marks would keep them:
 * ß as Germans write it without the letter, and a few others so that "Łukasz"/"Lukasz" and
 * "Søren"/"Soren" agree.
 */
const SPELLED_OUT: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ı: 'i',
};
const SPELLED_OUT_PATTERN = /[ßæœøłđı]/g;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * Lower-cases `raw`, spells out German umlauts and ß (ä→ae, ö→oe, ü→ue, ß→ss) and strips every
 * other diacritic (é→e). Shared by the name and street normalisers.
 *
 * @param raw - any text
 * @returns the folded text; whitespace and punctuation are left as they are
 * @example foldLetters('Straße 12, Köln') // 'strasse 12, koeln'
 */
export function foldLetters(raw: string): string {
  // Most names and streets are plain ASCII: NFKC/NFKD leave it as it is and it holds no marks,
  // umlauts or letters to spell out, so lower-casing is all there is to do (and 5x cheaper).
  if (ASCII_ONLY.test(raw)) return raw.toLowerCase();
  // NOTE: umlauts are found after NFKD (a + U+0308), not as precomposed ä: that catches the
  // decomposed input and letters like ǟ too, and stripping the marks afterwards cannot leave
  // a letter that a second pass would fold differently (idempotence is a property test).
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFKD')
    .replace(UMLAUT, '$1e')
    .replace(COMBINING_MARKS, '')
    .replace(SPELLED_OUT_PATTERN, (letter) => SPELLED_OUT[letter] ?? letter);
}

/**
 * Normalises a name: trimmed, lower-cased, umlauts spelled out (Müller = Mueller), other
 * diacritics removed, whitespace and hyphens collapsed to one space, everything that is not a
 * letter dropped (O'Brien = OBrien, digits and dots vanish).
 *
 * @param raw - the value as read from the input
 * @returns the normalised name, or `null` when nothing usable is left
 * @example normaliseName(' Hans-Jürgen  Müller ') // 'hans juergen mueller'
 */
export function normaliseName(raw: string): string | null {
  const name = foldLetters(raw)
    .replace(/[\s\p{Pd}_]+/gu, ' ')
    .replace(/[^\p{L} ]/gu, '')
    .replace(/ {2,}/g, ' ')
    .trim();
  return name === '' ? null : name;
}

/**
 * Splits a name into its normalised tokens (for blocking keys and token-wise comparison).
 *
 * @param raw - the value as read from the input
 * @returns the tokens in order, empty when the name is unusable
 * @example nameTokens('Hans-Jürgen Müller') // ['hans', 'juergen', 'mueller']
 */
export function nameTokens(raw: string): string[] {
  const name = normaliseName(raw);
  return name === null ? [] : name.split(' ');
}
