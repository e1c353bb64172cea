// Soundex: a phonetic code for names, used to build blocking keys that survive spelling variants.
//
// Why not a library: talisman/natural bring whole toolkits for one 20-line function. Soundex (not
// Kölner Phonetik or Double Metaphone) because the data is mixed German/English and the code only
// groups candidates; the scoring compares the names themselves.

/** Letter → digit class; vowels, h, w, y have none. */
const CODES: Readonly<Record<string, string>> = {
  b: '1', f: '1', p: '1', v: '1',
  c: '2', g: '2', j: '2', k: '2', q: '2', s: '2', x: '2', z: '2',
  d: '3', t: '3',
  l: '4',
  m: '5', n: '5',
  r: '6',
};

/**
 * The Soundex code of a normalised name: its first letter and up to three digits for the
 * following consonant classes (American Soundex: h and w do not separate equal classes).
 *
 * @param name - a normalised name (lower-case letters, spaces are ignored)
 * @returns the code such as `m460`, or `null` when the name has no letter a–z
 * @example soundex('mueller') // 'm460'
 */
export function soundex(name: string): string | null {
  const letters = name.replace(/[^a-z]/g, '');
  if (letters === '') return null;
  let code = letters[0]!;
  let previous = CODES[code] ?? '';
  for (let index = 1; index < letters.length && code.length < 4; index++) {
    const letter = letters[index]!;
    const digit = CODES[letter];
    if (digit === undefined) {
      if (letter !== 'h' && letter !== 'w') previous = '';
      continue;
    }
    if (digit !== previous) code += digit;
    previous = digit;
  }
  return code.padEnd(4, '0');
}
