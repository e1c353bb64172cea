// Jaro-Winkler similarity of two strings, hand-written.
//
// Why not a library: the registries' Jaro-Winkler packages (talisman, natural, jaro-winkler) are
// either large toolkits for one 40-line function or unmaintained; none is a dependency here, and
// the algorithm is short, fixed and fully covered by the tests.

/** Winkler's prefix scale: how much a shared prefix (up to 4 characters) lifts the Jaro score. */
const PREFIX_SCALE = 0.1;
const MAX_PREFIX = 4;

// NOTE: called for millions of candidate pairs, so the match flags live in two reused buffers
// instead of two fresh arrays per call (names are short; a longer string gets its own array).
const BUFFER_LENGTH = 64;
const buffers = [new Uint8Array(BUFFER_LENGTH), new Uint8Array(BUFFER_LENGTH)] as const;

function flags(which: 0 | 1, length: number): Uint8Array {
  if (length > BUFFER_LENGTH) return new Uint8Array(length);
  const buffer = buffers[which];
  buffer.fill(0, 0, length);
  return buffer;
}

/**
 * Jaro similarity: matching characters within a window of half the longer length, minus
 * half the transpositions among them.
 *
 * @param a - first string
 * @param b - second string
 * @returns a similarity in [0, 1]; 1 for equal strings, 0 when one is empty and the other is not
 */
export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  const lengthA = a.length;
  const lengthB = b.length;
  if (lengthA === 0 || lengthB === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(lengthA, lengthB) / 2) - 1);
  const matchedA = flags(0, lengthA);
  const matchedB = flags(1, lengthB);
  let matches = 0;
  for (let i = 0; i < lengthA; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(lengthB - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (matchedB[j] === 1 || a.charCodeAt(i) !== b.charCodeAt(j)) continue;
      matchedA[i] = 1;
      matchedB[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let j = 0;
  for (let i = 0; i < lengthA; i++) {
    if (matchedA[i] === 0) continue;
    while (matchedB[j] === 0) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) transpositions++;
    j++;
  }
  return (matches / lengthA + matches / lengthB + (matches - transpositions / 2) / matches) / 3;
}

/**
 * Jaro-Winkler similarity: the Jaro score lifted by 0.1 per shared leading character (at most four).
 *
 * @param a - first string
 * @param b - second string
 * @returns a similarity in [0, 1]
 * @example jaroWinkler('martha', 'marhta') // 0.961…
 */
export function jaroWinkler(a: string, b: string): number {
  const score = jaro(a, b);
  let prefix = 0;
  const limit = Math.min(MAX_PREFIX, a.length, b.length);
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return score + prefix * PREFIX_SCALE * (1 - score);
}
