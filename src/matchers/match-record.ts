// What fuzzy matchers see of a record: normalised attributes, held in memory only.
import type { Domain } from '../config/index.js';
import type { InputRecord } from '../input/index.js';
import { normaliseBirthDate } from '../normalise/birth-date.js';
import { normaliseName } from '../normalise/name.js';
import { normalisePostalCode } from '../normalise/postal-code.js';
import { normaliseStreet } from '../normalise/street.js';
import { normaliseNationalId } from './national-id.js';

/**
 * A record as fuzzy matchers compare it. Values are normalised but NOT pseudonymised: with
 * --pseudonymise they exist only in memory during the run and never reach an output.
 */
export interface MatchRecord {
  /** The record's canonical index (position in canonical order). */
  readonly index: number;
  readonly source: string;
  readonly domain: Domain;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly birthDate: string | null;
  readonly street: string | null;
  readonly postalCode: string | null;
  readonly city: string | null;
  /** A national identity number (national-id.ts), compared fuzzily; absent means unknown. */
  readonly nationalId?: string | null;
  readonly emails: readonly string[];
  readonly phones: readonly string[];
}

/** A scored candidate pair above the threshold: becomes a weighted record–record edge. */
export interface FuzzyLink {
  /** Canonical record indices, a < b. */
  readonly a: number;
  readonly b: number;
  /** In (0, 1]. */
  readonly weight: number;
  readonly matcher: string;
  /** Human-readable evidence, e.g. "name similarity 0.92, same birth date" (no values). */
  readonly evidence: string;
  /**
   * The fields whose agreement or disagreement the weight already carries (both records held
   * them); the negative-evidence rule does not check them again for this link.
   */
  readonly weighed: { readonly firstNames: boolean; readonly birthDates: boolean };
}

/**
 * Builds the match record of an input record: its attributes normalised (names, birth date,
 * street, postal code, city, national ID), plus the normalised emails and phones the caller already has.
 *
 * @param index - the record's canonical index
 * @param record - the input record
 * @param emails - its normalised (not pseudonymised) emails
 * @param phones - its normalised (E.164) phones
 * @returns the match record
 */
export function toMatchRecord(
  index: number,
  record: Pick<InputRecord, 'source' | 'domain' | 'attributes'>,
  emails: readonly string[],
  phones: readonly string[],
): MatchRecord {
  const { attributes } = record;
  return {
    index,
    source: record.source,
    domain: record.domain,
    firstName: attributes.first_name === undefined ? null : normaliseName(attributes.first_name),
    lastName: attributes.last_name === undefined ? null : normaliseName(attributes.last_name),
    birthDate: attributes.birth_date === undefined ? null : normaliseBirthDate(attributes.birth_date),
    street: attributes.street === undefined ? null : normaliseStreet(attributes.street),
    postalCode: attributes.postal_code === undefined ? null : normalisePostalCode(attributes.postal_code),
    city: attributes.city === undefined ? null : normaliseName(attributes.city),
    nationalId: attributes.national_id === undefined ? null : normaliseNationalId(attributes.national_id),
    emails,
    phones,
  };
}
