// Evidence text of a fuzzy link: how each field agreed, in words and similarities, never the values.
import type { Comparison } from './comparison.js';

const percent = (similarity: number) => similarity.toFixed(2);

function nameWords(label: string, level: Comparison['first'], similarity: number): string | null {
  switch (level) {
    case 'exact': return `same ${label}`;
    case 'similar': return `${label} similarity ${percent(similarity)}`;
    case 'weak': return `${label} initial or short form`;
    case 'different': return `different ${label}`;
    case 'missing': return null;
    default: {
      const never: never = level;
      return never;
    }
  }
}

/**
 * Describes a comparison field by field, e.g. "same first name, last name similarity 0.92,
 * same birth date, same street, same postal code". Fields missing on either side are left out.
 *
 * @param c - the comparison
 * @returns the evidence text (contains no data values)
 */
export function describeComparison(c: Comparison): string {
  const parts: (string | null)[] = [
    nameWords('first name', c.first, c.firstSimilarity),
    nameWords('last name', c.last, c.lastSimilarity),
    c.swapped ? 'first and last name swapped' : null,
  ];
  switch (c.birthDate) {
    case 'exact': parts.push('same birth date'); break;
    case 'one-off': parts.push('birth date one digit off'); break;
    case 'near': parts.push('birth date two digits off'); break;
    case 'different': parts.push('different birth date'); break;
    case 'missing': break;
  }
  switch (c.street) {
    case 'exact': parts.push('same street'); break;
    case 'similar': parts.push(`street similarity ${percent(c.streetSimilarity)}`); break;
    case 'different': parts.push('different street'); break;
    case 'missing': break;
  }
  switch (c.houseNumber) {
    case 'exact': parts.push('same house number'); break;
    case 'different': parts.push('different house number'); break;
    case 'missing': break;
  }
  switch (c.postalCode) {
    case 'exact': parts.push('same postal code'); break;
    case 'similar': parts.push('postal code one character off'); break;
    case 'different': parts.push('different postal code'); break;
    case 'missing': break;
  }
  switch (c.city) {
    case 'exact': parts.push('same city'); break;
    case 'similar': parts.push('city a typo apart'); break;
    case 'different': parts.push('different city'); break;
    case 'missing': break;
  }
  switch (c.email) {
    case 'exact': parts.push('same email'); break;
    case 'similar': parts.push(`email a typo apart (similarity ${percent(c.emailSimilarity)})`); break;
    case 'different': parts.push('different email'); break;
    case 'missing': break;
  }
  switch (c.phone) {
    case 'exact': parts.push('same phone'); break;
    case 'similar': parts.push('phone one digit off'); break;
    case 'different': parts.push('different phone'); break;
    case 'missing': break;
  }
  switch (c.nationalId) {
    case 'exact': parts.push('same national ID'); break;
    case 'similar': parts.push('national ID a typo apart'); break;
    case 'different': parts.push('different national ID'); break;
    case 'missing': break;
  }
  return parts.filter((part) => part !== null).join(', ');
}
