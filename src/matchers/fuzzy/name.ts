// Fuzzy matcher: first and last name agree (a typo or a swap allowed); other fields weigh in.
import { agrees, BROAD_BLOCK, defineFuzzyMatcher } from './matcher.js';

/**
 * Name. The weakest kind of evidence, tried last: both names agree, and the weight (city,
 * a birth date a few digits off, …) decides. Blocks on the two Soundex codes in sorted order,
 * so swapped names meet, and on the last name's code with the city and the first initial.
 */
export const name = defineFuzzyMatcher({
  id: 'name',
  blocking: [
    {
      id: 'name/codes',
      // The two codes in sorted order, so that swapped names share the key.
      keys: (p, key) => (p.firstCode !== null && p.lastCode !== null && p.lastCode < p.firstCode ? key(p.lastCode, p.firstCode) : key(p.firstCode, p.lastCode)),
      maxBlockSize: BROAD_BLOCK,
    },
    { id: 'name/last+city', keys: (p, key) => key(p.lastCode, p.city, p.first?.[0]), maxBlockSize: BROAD_BLOCK },
  ],
  accepts: (c) => agrees(c.first) && agrees(c.last),
  label: () => 'name',
});
