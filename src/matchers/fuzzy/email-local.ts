// Fuzzy matcher: the same email, or one a typo apart (in the local part or the domain), with names that do not disagree.
import { BROAD_BLOCK, defineFuzzyMatcher } from './matcher.js';

const NOT_DIGITS = /\D+/g;

/**
 * Email. A typo apart: `jonas.mueler@web.de` for `jonas.mueller@web.de`, or a mistyped
 * domain. The same email is a deterministic link already; it comes here too so that, when
 * the negative-evidence rule refused that link (a birth date written differently), the whole
 * profile can still be weighed. Names must not disagree: a shared mailbox behind different
 * first names is a household or a company, not one person. Blocks on the domain with the first
 * half of the local part and its length, or with the last half (one typo leaves one half
 * intact), and on a local part of four or more characters alone (a typo in the domain).
 */
export const emailLocal = defineFuzzyMatcher({
  id: 'email-local',
  blocking: [
    {
      id: 'email-local/domain+half',
      keys: (p, key) => {
        for (const e of p.emails) {
          const length = e.local.length;
          const half = Math.max(2, Math.floor(length / 2));
          const head = e.local.slice(0, half);
          // Digits are part of every key: local parts differing in a digit never count as a
          // typo (comparison.ts), and the digits (years, counters) keep blocks of common names
          // small. The length does too; a dropped or added character in the tail changes it by
          // one, so the head is keyed with both lengths.
          const digits = `#${e.local.replace(NOT_DIGITS, '')}`;
          key(e.domain, digits, String(length), head);
          key(e.domain, digits, String(length - 1), head);
          key(e.domain, digits, '>', e.local.slice(-half));
        }
      },
      maxBlockSize: BROAD_BLOCK,
    },
    {
      id: 'email-local/local',
      keys: (p, key) => {
        for (const e of p.emails) if (e.local.length >= 4) key(e.local);
      },
      maxBlockSize: BROAD_BLOCK,
    },
  ],
  accepts: (c) => (c.email === 'exact' || c.email === 'similar') && c.first !== 'different' && c.last !== 'different',
  label: (c) => (c.email === 'exact' ? 'same email' : 'email a typo apart'),
});
