// Fuzzy matcher: the same phone, or one a digit apart, with the same first name.
import type { KeySink } from '../blocking-key.js';
import { agrees, BROAD_BLOCK, defineFuzzyMatcher } from './matcher.js';

/**
 * The number's three blocking keys: without its last three digits, its last seven digits, and
 * the number with its 4th to 7th last digits left out. A changed digit leaves one of them
 * intact wherever it is; each key is specific enough to keep blocks small.
 */
function phoneKeys(phone: string, key: KeySink): void {
  key('h', phone.slice(0, -3));
  key('t', phone.slice(-7));
  key('m', `${phone.slice(0, -7)}_${phone.slice(-3)}`);
}

/**
 * Phone with a typo. Numbers one edit apart; the same number (a deterministic link already)
 * comes here too so that, when the negative-evidence rule refused that link, the whole profile
 * can still be weighed. The first name must agree: a landline is shared by a household.
 * NOTE: an inserted or dropped digit shifts the tail; only some of those typos share a key.
 */
export const phoneTypo = defineFuzzyMatcher({
  id: 'phone-typo',
  blocking: [
    {
      id: 'phone-typo/parts',
      keys: (p, key) => {
        for (const phone of p.phones) phoneKeys(phone, key);
      },
      maxBlockSize: BROAD_BLOCK,
    },
  ],
  accepts: (c) => (c.phone === 'exact' || c.phone === 'similar') && agrees(c.first) && c.last !== 'different',
  label: (c) => (c.phone === 'exact' ? 'same phone' : 'phone one digit off'),
});
