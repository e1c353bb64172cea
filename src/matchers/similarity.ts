// String similarity in [0, 1] for fuzzy comparison: Levenshtein, Jaro-Winkler and token overlap.
import levenshtein from 'fast-levenshtein';
import { jaroWinkler } from './jaro-winkler.js';

/**
 * Levenshtein similarity: 1 − distance / length of the longer string (fast-levenshtein).
 *
 * @param a - first string
 * @param b - second string
 * @returns 1 for equal strings (two empty strings included), 0 when nothing is shared
 * @example levenshteinSimilarity('mueller', 'muller') // 0.857…
 */
export function levenshteinSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  return 1 - levenshtein.get(a, b) / longer;
}

/**
 * Levenshtein distance (fast-levenshtein), re-exported so callers need one import.
 *
 * @param a - first string
 * @param b - second string
 * @returns the number of single-character insertions, deletions and substitutions
 */
export function editDistance(a: string, b: string): number {
  return a === b ? 0 : levenshtein.get(a, b);
}

/**
 * Name similarity: the better of Jaro-Winkler and Levenshtein similarity. Jaro-Winkler forgives
 * a typo in a short name better ("luas"/"lucas": 0.95 against 0.8); Levenshtein is the fairer
 * measure when the difference sits in the first letters, where Jaro-Winkler's prefix bonus is missing.
 *
 * @param a - first normalised name
 * @param b - second normalised name
 * @returns a similarity in [0, 1]
 */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  return Math.max(jaroWinkler(a, b), levenshteinSimilarity(a, b));
}

/**
 * True when `nameSimilarity(a, b) >= threshold`, computed cheaply: Levenshtein first (bit-parallel
 * in fast-levenshtein), Jaro-Winkler only when Levenshtein falls short.
 */
export function namesAgree(a: string, b: string, threshold: number): boolean {
  return a === b || levenshteinSimilarity(a, b) >= threshold || jaroWinkler(a, b) >= threshold;
}

/**
 * Token overlap (Jaccard index of the sets of space-separated tokens), for multi-word values
 * whose words move around ("hans peter" / "peter hans").
 *
 * @param a - first string
 * @param b - second string
 * @returns |A ∩ B| / |A ∪ B|, 1 when both are empty
 */
export function tokenOverlap(a: string, b: string): number {
  const left = new Set(a.split(' ').filter((token) => token !== ''));
  const right = new Set(b.split(' ').filter((token) => token !== ''));
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const token of left) if (right.has(token)) shared++;
  return shared / (left.size + right.size - shared);
}
