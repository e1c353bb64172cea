// Fuzzy matcher: the same birth date (one digit off allowed) and at least one agreeing name.
import { agrees, defineFuzzyMatcher } from './matcher.js';

/**
 * Name + birth date. One name must agree (a typo allowed); the other may differ (a married
 * name, a mistyped or replaced value) and then costs weight. Blocks on the birth date with
 * either name's Soundex (so a typo in one name, or swapped names, still meet), and on birth
 * year with both codes (a typo in the date).
 */
export const nameBirthdate = defineFuzzyMatcher({
  id: 'name-birthdate',
  blocking: [
    {
      id: 'name-birthdate/date+initial',
      keys: (p, key) => {
        key(p.birthDate, p.first?.[0]);
        key(p.birthDate, p.last?.[0]);
      },
    },
    { id: 'name-birthdate/year+names', keys: (p, key) => key(p.birthDate?.slice(0, 4), p.firstCode, p.lastCode) },
  ],
  accepts: (c) => (c.birthDate === 'exact' || c.birthDate === 'one-off') && (agrees(c.first) || agrees(c.last)),
  label: () => 'name and birth date',
});
