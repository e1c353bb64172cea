// Negative evidence: a merge is refused when both sides know first names or birth dates and none agree.
import levenshtein from 'fast-levenshtein';
import { ALLOWED, refused, type RuleOutcome } from './rule-outcome.js';

export interface ProfileSide {
  readonly firstNames: readonly string[] | undefined;
  readonly birthDates: readonly string[] | undefined;
}

/**
 * Two normalised first names could belong to one person: equal, an initial of the other,
 * a typo (Levenshtein similarity >= 0.7) or the same letters transposed.
 */
export function compatibleFirstNames(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length === 1) return long.startsWith(short);
  const firstTokenA = a.split(' ')[0]!;
  const firstTokenB = b.split(' ')[0]!;
  if (firstTokenA === firstTokenB) return true;
  const distance = levenshtein.get(a, b);
  if (1 - distance / long.length >= 0.7) return true;
  return a.length === b.length && [...a].sort().join('') === [...b].sort().join('');
}

/** Two ISO birth dates could be one person's: equal, one digit off, or day and month swapped. */
export function compatibleBirthDates(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === 10 && b.length === 10 && a.slice(0, 4) === b.slice(0, 4) && a.slice(5, 7) === b.slice(8, 10) && a.slice(8, 10) === b.slice(5, 7)) {
    return true;
  }
  let differences = 0;
  for (let index = 0; index < a.length && differences < 2; index++) if (a[index] !== b[index]) differences++;
  return a.length === b.length && differences <= 1;
}

function anyCompatible(a: readonly string[], b: readonly string[], compatible: (x: string, y: string) => boolean): boolean {
  for (const x of a) for (const y of b) if (compatible(x, y)) return true;
  return false;
}

/** Fields a fuzzy link has already weighed for its own two records (both held the field): not checked again. */
export interface WeighedFields {
  readonly firstNames: boolean;
  readonly birthDates: boolean;
}

const NOTHING_WEIGHED: WeighedFields = { firstNames: false, birthDates: false };

/**
 * Households share phones and computers: different people behind one identifier must not merge.
 * A fuzzy link has compared its two records' first names and birth dates itself (a disagreement
 * lowered its weight, and a replaced or swapped value can still be outweighed by the rest), so
 * the check skips the fields the link weighed; deterministic links are checked on both.
 */
export function checkNegativeEvidence(a: ProfileSide, b: ProfileSide, weighed: WeighedFields = NOTHING_WEIGHED): RuleOutcome {
  if (!weighed.birthDates && a.birthDates && b.birthDates && !anyCompatible(a.birthDates, b.birthDates, compatibleBirthDates)) {
    return refused('conflict', 'birth dates disagree');
  }
  if (!weighed.firstNames && a.firstNames && b.firstNames && !anyCompatible(a.firstNames, b.firstNames, compatibleFirstNames)) {
    return refused('conflict', 'first names disagree');
  }
  return ALLOWED;
}
