// What fuzzy matchers see of a record: normalised attributes, held in memory only.
import type { Domain } from '../config/index.js';

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
}
