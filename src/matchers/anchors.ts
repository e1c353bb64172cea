// A cheap pre-check: does a candidate pair hold any evidence a fuzzy matcher's gate needs?
//
// Every matcher's gate needs at least one anchor: birth dates at most one digit apart, the same
// or a typo-apart street (or the same house number), phone, email or national ID, or first and last
// name both agreeing (straight or crosswise). Most candidate pairs from broad blocks have none, and
// checking for one costs a fraction of a full comparison (NOTE: measured on 1M generated
// records, the full comparison of every candidate pair dominated the stage). A test checks that
// no pair any matcher accepts lacks an anchor.
import { birthDatesClose, compareNationalIds, type ComparisonThresholds } from './comparison.js';
import type { EmailParts, MatchProfile } from './profile.js';
import { editDistance, levenshteinSimilarity, namesAgree } from './similarity.js';

function emailsClose(a: readonly EmailParts[], b: readonly EmailParts[], threshold: number): boolean {
  for (const x of a) {
    for (const y of b) {
      if (x.domain === y.domain ? x.local === y.local || levenshteinSimilarity(x.local, y.local) >= threshold : x.local === y.local) return true;
    }
  }
  return false;
}

function phonesClose(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) for (const y of b) if (x === y || (Math.abs(x.length - y.length) <= 1 && editDistance(x, y) === 1)) return true;
  return false;
}

function bothNamesAgree(a: MatchProfile, b: MatchProfile, threshold: number): boolean {
  if (a.first === null || a.last === null || b.first === null || b.last === null) return false;
  return (
    (namesAgree(a.first, b.first, threshold) && namesAgree(a.last, b.last, threshold)) ||
    (namesAgree(a.first, b.last, threshold) && namesAgree(a.last, b.first, threshold))
  );
}

/**
 * True when the pair holds at least one anchor (see the file comment); false means no matcher
 * can accept it, so it needs no full comparison.
 *
 * @param a - one profile
 * @param b - the other profile
 * @param thresholds - the comparison thresholds
 * @returns whether the pair is worth comparing in full
 */
export function hasAnchor(a: MatchProfile, b: MatchProfile, thresholds: ComparisonThresholds): boolean {
  if (birthDatesClose(a.birthDate, b.birthDate)) return true;
  if (a.houseNumber !== null && a.houseNumber === b.houseNumber) return true;
  if (a.streetName !== null && b.streetName !== null && (a.streetName === b.streetName || levenshteinSimilarity(a.streetName, b.streetName) >= thresholds.text)) {
    return true;
  }
  if (a.phones.length > 0 && b.phones.length > 0 && phonesClose(a.phones, b.phones)) return true;
  if (a.emails.length > 0 && b.emails.length > 0 && emailsClose(a.emails, b.emails, thresholds.text)) return true;
  if (a.nationalId !== null && b.nationalId !== null && compareNationalIds(a.nationalId, b.nationalId) !== 'different') return true;
  return bothNamesAgree(a, b, thresholds.name);
}
