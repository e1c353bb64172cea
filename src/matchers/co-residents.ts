// How often records at one address are different people, estimated from the run's own candidate pairs.
//
// Two records with the same address and last name but different first names and birth dates
// are a household in one dataset and one person keyed twice with errors in another. Their
// fields look the same; what differs is the data: where co-residents are households, the
// disagreements come together (first name AND birth date), far more often than a person's own
// records disagree on both. This module counts co-resident candidate pairs by how first name
// and birth date agree, estimates each field's error rate from the pairs where the other field
// agrees (households have different birth dates, so those pairs are one person), and from the
// rates the probability that a co-resident pair with a given disagreement is one person.
import type { Comparison } from './comparison.js';

/** How a field of a co-resident pair agrees: exact or a typo apart, clearly not, or unknown (missing on a side). */
export type Agreement = 'agree' | 'differ' | 'missing';

const AGREEMENTS: readonly Agreement[] = ['agree', 'differ', 'missing'];

/**
 * Error correlation: a record that is keyed badly tends to be bad in several fields, so two
 * errors in one record are taken as this many times likelier than independent errors would be.
 * NOTE: the estimate separates households from keying errors by orders of magnitude (generated
 * data with households: about 1 in 10,000 of the pairs disagreeing on both fields are one person;
 * Febrl, no households: all of them), so the factor only moves pairs near the boundary.
 */
const ERROR_CORRELATION = 4;
/** Pseudo-count of the estimate: with few co-resident pairs, disagreements are taken as households. */
const PSEUDO_PAIRS = 5;

/**
 * The cell of a co-resident pair, or null when the pair does not share street, house number,
 * postal code or city, or when the last names differ.
 */
export function coResidentCell(c: Comparison): { first: Agreement; birthDate: Agreement } | null {
  const sameAddress =
    (c.street === 'exact' || c.street === 'similar') && c.houseNumber === 'exact' && (c.postalCode === 'exact' || c.city === 'exact');
  if (!sameAddress || c.last === 'different') return null;
  const first: Agreement = c.first === 'missing' ? 'missing' : c.first === 'different' ? 'differ' : 'agree';
  const birthDate: Agreement =
    c.birthDate === 'missing' ? 'missing' : c.birthDate === 'exact' || c.birthDate === 'one-off' ? 'agree' : 'differ';
  return { first, birthDate };
}

/** Co-resident candidate pairs by cell, `${first}/${birthDate}` → count: a tally as plain data. */
export type CoResidentCounts = Readonly<Record<string, number>>;

/** The probability that a co-resident pair is one person, per agreement of first name and birth date. */
export interface CoResidentModel {
  /** P(one person | first name and birth date agreement), for the cells with a disagreement or nothing known. */
  readonly sameProbability: (first: Agreement, birthDate: Agreement) => number;
  /** The counts behind it: `${first}/${birthDate}` → co-resident candidate pairs. */
  readonly counts: CoResidentCounts;
}

/** Counts co-resident candidate pairs by cell. */
export class CoResidentTally {
  private readonly cells = new Map<string, number>(AGREEMENTS.flatMap((f) => AGREEMENTS.map((b) => [`${f}/${b}`, 0] as const)));

  /**
   * The tally of several tallies' counts (of disjoint pair sets, e.g. one per thread).
   * @param parts - counts as given by `counts()`
   */
  static sum(parts: readonly CoResidentCounts[]): CoResidentTally {
    const tally = new CoResidentTally();
    for (const part of parts) {
      for (const [cell, count] of Object.entries(part)) {
        const current = tally.cells.get(cell);
        if (current === undefined) throw new Error(`CoResidentTally.sum: unknown cell ${cell}`);
        tally.cells.set(cell, current + count);
      }
    }
    return tally;
  }

  /** The counts so far. */
  counts(): CoResidentCounts {
    return Object.fromEntries(this.cells);
  }

  /** Adds a compared pair (ignored when it is not co-resident). */
  add(c: Comparison): void {
    const cell = coResidentCell(c);
    if (cell !== null) this.cells.set(`${cell.first}/${cell.birthDate}`, this.cells.get(`${cell.first}/${cell.birthDate}`)! + 1);
  }

  /**
   * Estimates the model from the counts.
   * @returns the probabilities; cells where both fields agree, or one agrees, are not its business (1)
   */
  estimate(): CoResidentModel {
    const n = (first: Agreement, birthDate: Agreement) => this.cells.get(`${first}/${birthDate}`)!;
    // Error rates among one person's records: first-name errors where birth dates agree, birth-date
    // errors where first names agree (a household member differs in both).
    const firstError = (n('differ', 'agree') + 1) / (n('differ', 'agree') + n('agree', 'agree') + 2);
    const birthError = (n('agree', 'differ') + 1) / (n('agree', 'differ') + n('agree', 'agree') + 2);
    const firstOdds = firstError / (1 - firstError);
    const birthOdds = birthError / (1 - birthError);
    // Expected one-person pairs in each disagreement cell, from the agreeing cell next to it.
    const expected: Record<string, number> = {
      'differ/differ': n('agree', 'agree') * firstOdds * birthOdds * ERROR_CORRELATION,
      'differ/missing': n('agree', 'missing') * firstOdds * ERROR_CORRELATION,
      'missing/differ': n('missing', 'agree') * birthOdds * ERROR_CORRELATION,
    };
    const share = (cell: string, observed: number) => Math.min(1, expected[cell]! / (observed + PSEUDO_PAIRS));
    const households = Math.max(0, n('differ', 'differ') - expected['differ/differ']!);
    const persons = n('agree', 'agree') / ((1 - firstError) * (1 - birthError));
    const unknown = persons / (persons + households + PSEUDO_PAIRS);
    const probabilities: Record<string, number> = {
      'differ/differ': share('differ/differ', n('differ', 'differ')),
      'differ/missing': share('differ/missing', n('differ', 'missing')),
      'missing/differ': share('missing/differ', n('missing', 'differ')),
      'missing/missing': unknown,
    };
    return { sameProbability: (first, birthDate) => probabilities[`${first}/${birthDate}`] ?? 1, counts: this.counts() };
  }
}
