// Fuzzy matcher: the same national ID, or one a typo apart; the other fields weigh in.
import { nationalIdKeys } from '../national-id.js';
import { BROAD_BLOCK, defineFuzzyMatcher } from './matcher.js';

/**
 * National ID. The same number, or one a typo apart, and the weight of the whole profile
 * decides: names that disagree, a different birth date and address cost what they cost, so a
 * mistyped number shared by two people with nothing else in common does not link them.
 * Blocks on the number and on each of its one-character deletions (any one typo leaves a key
 * shared, national-id.ts).
 */
export const nationalId = defineFuzzyMatcher({
  id: 'national-id',
  blocking: [
    {
      id: 'national-id/typo',
      keys: (p, key) => {
        if (p.nationalId !== null) for (const typoKey of nationalIdKeys(p.nationalId)) key(typoKey);
      },
      maxBlockSize: BROAD_BLOCK,
    },
  ],
  accepts: (c) => c.nationalId === 'exact' || c.nationalId === 'similar',
  label: (c) => (c.nationalId === 'exact' ? 'same national ID' : 'national ID a typo apart'),
});
