// The fuzzy stage: blocking, scoring and thresholding of record pairs.
import type { FuzzyConfig } from '../../config/index.js';
import type { FuzzyLink, MatchRecord } from '../match-record.js';

/**
 * Finds fuzzy links between records. Until the fuzzy matchers land (issue 3) this finds none,
 * which is exactly what `--no-fuzzy` does.
 */
export function findFuzzyLinks(records: readonly MatchRecord[], config: FuzzyConfig): FuzzyLink[] {
  void records;
  void config;
  return [];
}
