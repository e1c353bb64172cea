// Builders of match records and profiles for the matcher tests: only the fields a test cares about.
import type { MatchRecord } from '../../src/matchers/match-record.js';
import { profileOf, type MatchProfile } from '../../src/matchers/profile.js';

/** A match record with every attribute null and no identifiers, overridden by `fields`. */
export function matchRecord(index: number, fields: Partial<Omit<MatchRecord, 'index'>> = {}): MatchRecord {
  return {
    index,
    source: 'crm',
    domain: 'crm',
    firstName: null,
    lastName: null,
    birthDate: null,
    street: null,
    postalCode: null,
    city: null,
    emails: [],
    phones: [],
    ...fields,
  };
}

/** The profile of `matchRecord(index, fields)`. */
export function profile(index: number, fields: Partial<Omit<MatchRecord, 'index'>> = {}): MatchProfile {
  return profileOf(matchRecord(index, fields));
}
