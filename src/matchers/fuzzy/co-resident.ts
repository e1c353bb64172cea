// Fuzzy matcher: same address and last name, first name or birth date disagreeing, weighed by the data's own household rate.
import { coResidentCell } from '../co-residents.js';
import { defineFuzzyMatcher } from './matcher.js';

/**
 * Co-resident. Two records at one address with one last name whose first name and birth date do
 * not agree (or are unknown) are a household in most customer data, and one person keyed with
 * errors in some. The address matcher leaves them alone; this one weighs them last, with the
 * probability that such a pair is one person as estimated from the run's own co-resident pairs
 * (co-residents.ts): where households exist it is tiny and nothing links; where shared addresses
 * are always one person it is high. It has no blocking of its own: the address rules find the pairs.
 */
export const coResident = defineFuzzyMatcher({
  id: 'co-resident',
  blocking: [],
  accepts: (c) => {
    const cell = coResidentCell(c);
    return cell !== null && cell.first !== 'agree' && cell.birthDate !== 'agree';
  },
  label: () => 'same address, first name or birth date disagreeing (data without households)',
  weight: (_a, _b, c, context) => {
    const cell = coResidentCell(c);
    if (cell === null || context.coResidents === undefined) return 0;
    return context.coResidents.sameProbability(cell.first, cell.birthDate);
  },
  needsCoResidents: true,
});
