// Fuzzy matcher: the same (or a typo-apart) address with the same first name or the same birth date.
import type { Comparison } from '../comparison.js';
import { agrees, BROAD_BLOCK, defineFuzzyMatcher } from './matcher.js';

/** The street agrees (a typo allowed), or only a house number is known and it agrees within the same postal code or city. */
export function addressAgrees(c: Comparison): boolean {
  if (c.street === 'exact' || c.street === 'similar') return c.houseNumber !== 'different';
  return c.street === 'missing' && c.houseNumber === 'exact' && (c.postalCode === 'exact' || c.city === 'exact');
}

/**
 * Name + address. Besides the address, the first name or the birth date must agree: a household
 * shares the address and often the last name, but its members differ in both first name and
 * birth date. A disagreement in the other one costs weight. Blocks on postal code with house
 * number and the street's first letters (one address), with either name's Soundex (a mistyped
 * street or house number, a replaced name), with the birth date; and on street, house number and
 * last name across postal codes (a mistyped postal code).
 */
export const address = defineFuzzyMatcher({
  id: 'address',
  blocking: [
    { id: 'address/postal+number+street', keys: (p, key) => key(p.postalCode, p.houseNumber, p.streetName?.slice(0, 3)) },
    { id: 'address/postal+last', keys: (p, key) => key(p.postalCode, p.lastCode), maxBlockSize: BROAD_BLOCK },
    { id: 'address/postal+first', keys: (p, key) => key(p.postalCode, p.firstCode), maxBlockSize: BROAD_BLOCK },
    { id: 'address/postal+date', keys: (p, key) => key(p.postalCode, p.birthDate) },
    { id: 'address/street+number+last', keys: (p, key) => key(p.streetName?.slice(0, 6), p.houseNumber, p.lastCode) },
  ],
  accepts: (c) => addressAgrees(c) && (c.birthDate === 'exact' || c.birthDate === 'one-off' || agrees(c.first) || c.first === 'weak'),
  label: () => 'address',
});
