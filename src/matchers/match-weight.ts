// Turns a comparison into one weight in (0, 1]: Fellegi–Sunter match probability from field agreements.
//
// Each field level carries a Bayes factor m/u: m = how often true matches show that level (fixed
// defaults below), u = how often unrelated record pairs do, measured on the run's own data
// (randomly sampled record pairs), never on a ground truth. Exact agreement is further adjusted
// by the value's frequency (a common surname is weaker evidence than a rare one). The sum of log2
// factors plus the prior odds gives the probability that the pair is one person.
//
// NOTE: m is not re-estimated per run (expectation maximisation, as Splink does). Tried: on
// data with households, EM explains co-residents (same address and last name, different first
// name and birth date) as matches with a high m for "first name different", which is exactly the
// merge the negative-evidence rule exists to prevent; on small runs (RLdata500: 86 candidate
// pairs) it drifts. Fixed m with data-measured u and value frequencies was more accurate on
// every benchmark dataset.
import type { CityLevel, Comparison, ContactLevel, DateLevel, HouseNumberLevel, NameLevel, NationalIdLevel, PostalCodeLevel, StreetLevel } from './comparison.js';
import type { MatchProfile } from './profile.js';

export type Field = 'first' | 'last' | 'birthDate' | 'street' | 'houseNumber' | 'postalCode' | 'city' | 'email' | 'phone' | 'nationalId';

/** The levels of each field that carry evidence ('missing' carries none). */
export interface FieldLevels {
  readonly first: Exclude<NameLevel, 'missing'>;
  readonly last: Exclude<NameLevel, 'missing'>;
  readonly birthDate: Exclude<DateLevel, 'missing'>;
  readonly street: Exclude<StreetLevel, 'missing'>;
  readonly houseNumber: Exclude<HouseNumberLevel, 'missing'>;
  readonly postalCode: Exclude<PostalCodeLevel, 'missing'>;
  readonly city: Exclude<CityLevel, 'missing'>;
  readonly email: Exclude<ContactLevel, 'missing'>;
  readonly phone: Exclude<ContactLevel, 'missing'>;
  readonly nationalId: Exclude<NationalIdLevel, 'missing'>;
}

export type LevelTable = { readonly [F in Field]: Readonly<Record<FieldLevels[F], number>> };

export const FIELDS: readonly Field[] = ['first', 'last', 'birthDate', 'street', 'houseNumber', 'postalCode', 'city', 'email', 'phone', 'nationalId'];

/** Every field's levels, strongest first. */
export const FIELD_LEVELS: { readonly [F in Field]: readonly FieldLevels[F][] } = {
  first: ['exact', 'similar', 'weak', 'different'],
  last: ['exact', 'similar', 'weak', 'different'],
  birthDate: ['exact', 'one-off', 'near', 'different'],
  street: ['exact', 'similar', 'different'],
  houseNumber: ['exact', 'different'],
  postalCode: ['exact', 'similar', 'different'],
  city: ['exact', 'similar', 'different'],
  email: ['exact', 'similar', 'different'],
  phone: ['exact', 'similar', 'different'],
  nationalId: ['exact', 'similar', 'different'],
};

/**
 * m-probabilities: the share of true matches (both values present) at each level.
 * Names and birth dates are mostly copied right, a typo or a transposed digit is the usual
 * error, outright disagreement is rare. People move (and exports mix old and new addresses),
 * so an address disagreement is weaker evidence; people hold several emails and phones, so
 * contact disagreement says little. A national ID is one per person and copied from a
 * document: mostly right, sometimes a typo, rarely another number.
 */
export const DEFAULT_M: LevelTable = {
  first: { exact: 0.85, similar: 0.08, weak: 0.04, different: 0.03 },
  last: { exact: 0.86, similar: 0.09, weak: 0.02, different: 0.03 },
  birthDate: { exact: 0.84, 'one-off': 0.07, near: 0.04, different: 0.05 },
  street: { exact: 0.75, similar: 0.1, different: 0.15 },
  houseNumber: { exact: 0.85, different: 0.15 },
  postalCode: { exact: 0.8, similar: 0.06, different: 0.14 },
  city: { exact: 0.8, similar: 0.08, different: 0.12 },
  email: { exact: 0.6, similar: 0.1, different: 0.3 },
  phone: { exact: 0.6, similar: 0.05, different: 0.35 },
  nationalId: { exact: 0.9, similar: 0.06, different: 0.04 },
};

/** Value frequencies of one field: value → records holding it, records with a value, and the chance two random values agree. */
export interface Frequencies {
  readonly counts: ReadonlyMap<string, number>;
  readonly present: number;
  /** Σ (count / present)²: the exact-agreement rate of random pairs, the reference of the frequency adjustment. */
  readonly agreement: number;
}

/** The fields whose exact agreement is adjusted by the value's frequency. */
export interface FrequencyTables {
  readonly first: Frequencies;
  readonly last: Frequencies;
  readonly birthDate: Frequencies;
  readonly street: Frequencies;
  readonly postalCode: Frequencies;
  readonly city: Frequencies;
  readonly nationalId: Frequencies;
}

/** Everything the weight needs besides the comparison. */
export interface WeightModel {
  /** log2 of the prior odds that a compared pair is one person. */
  readonly priorBits: number;
  /** log2(m/u) of every level. */
  readonly bits: LevelTable;
  readonly m: LevelTable;
  readonly u: LevelTable;
  readonly frequencies: FrequencyTables;
  /** Bits added when the names agree only crosswise. */
  readonly swapBits: number;
}

/** Bound on the frequency adjustment, so that one very rare or very common value cannot dominate. */
const MAX_ADJUSTMENT_BITS = 8;

/**
 * Frequency adjustment of an exact agreement on `value`: log2(average agreement / value's frequency).
 * @returns bits in [−8, 8]; 0 when the value is unknown
 */
export function frequencyBits(frequencies: Frequencies, value: string): number {
  const count = frequencies.counts.get(value);
  if (count === undefined || frequencies.present === 0 || frequencies.agreement === 0) return 0;
  const bits = Math.log2(frequencies.agreement / (count / frequencies.present));
  return Math.max(-MAX_ADJUSTMENT_BITS, Math.min(MAX_ADJUSTMENT_BITS, bits));
}

/**
 * The frequency adjustments of a compared pair (exact agreements on names, birth date, street,
 * postal code, city or national ID), in bits.
 */
export function adjustmentBits(a: MatchProfile, b: MatchProfile, c: Pick<Comparison, 'first' | 'last' | 'swapped' | 'birthDate' | 'street' | 'postalCode' | 'city' | 'nationalId'>, frequencies: FrequencyTables): number {
  let total = 0;
  // A swapped name stands in one record's first-name column and the other's last-name column:
  // its frequency is the geometric mean of the two (the mean of the two adjustments). Taking the
  // other column's alone made a common first name keyed as a surname look very rare, and two
  // namesakes keyed crosswise a certain match.
  const nameBits = (own: Frequencies, other: Frequencies, value: string) =>
    c.swapped ? (frequencyBits(own, value) + frequencyBits(other, value)) / 2 : frequencyBits(own, value);
  if (c.first === 'exact') total += nameBits(frequencies.first, frequencies.last, a.first!);
  if (c.last === 'exact') total += nameBits(frequencies.last, frequencies.first, a.last!);
  if (c.birthDate === 'exact') total += frequencyBits(frequencies.birthDate, a.birthDate!);
  if (c.street === 'exact') total += frequencyBits(frequencies.street, a.streetName!);
  if (c.postalCode === 'exact') total += frequencyBits(frequencies.postalCode, a.postalCode!);
  if (c.city === 'exact') total += frequencyBits(frequencies.city, a.city!);
  if (c.nationalId === 'exact') total += frequencyBits(frequencies.nationalId, a.nationalId!);
  return total;
}

/**
 * The match weight of a compared pair: log2 Bayes factors of every field summed with the prior.
 *
 * @param a - one profile
 * @param b - the other profile
 * @param c - their comparison
 * @param model - the run's weight model
 * @returns the match weight in bits (positive: more likely one person than not)
 */
export function matchBits(a: MatchProfile, b: MatchProfile, c: Comparison, model: WeightModel): number {
  const { bits } = model;
  let total = model.priorBits + adjustmentBits(a, b, c, model.frequencies);
  if (c.first !== 'missing') total += bits.first[c.first];
  if (c.last !== 'missing') total += bits.last[c.last];
  if (c.swapped) total += model.swapBits;
  if (c.birthDate !== 'missing') total += bits.birthDate[c.birthDate];
  if (c.street !== 'missing') total += bits.street[c.street];
  if (c.houseNumber !== 'missing') total += bits.houseNumber[c.houseNumber];
  if (c.postalCode !== 'missing') total += bits.postalCode[c.postalCode];
  if (c.city !== 'missing') total += bits.city[c.city];
  if (c.email !== 'missing') total += bits.email[c.email];
  if (c.phone !== 'missing') total += bits.phone[c.phone];
  if (c.nationalId !== 'missing') total += bits.nationalId[c.nationalId];
  return total;
}

/**
 * The match probability of a weight in bits.
 * @param bits - the match weight
 * @returns a probability in (0, 1]
 */
export function probabilityOf(bits: number): number {
  return 1 / (1 + 2 ** -bits);
}
