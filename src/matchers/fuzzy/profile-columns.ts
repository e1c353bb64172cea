// The match profiles as columns: the form in which they cross to the scoring worker.
import { NO_ELEMENTS } from '../../memory/exact-size.js';
import type { EmailParts, MatchProfile } from '../profile.js';

/**
 * NOTE: why columns: at 1M records, structured-cloning the profile objects cost the main thread
 * ~1.5 s and the worker ~4 s (half of it garbage collection) before it scored its first pair;
 * arrays of strings clone as flat lists, and the worker builds its objects in one pass.
 */
export interface ProfileColumns {
  readonly index: Int32Array;
  readonly text: Readonly<Record<TextField, (string | null)[]>>;
  /** Emails per profile, and every profile's email parts one after another. */
  readonly emailCounts: Uint32Array;
  readonly emailLocals: string[];
  readonly emailDomains: string[];
  /** Phones per profile, and every profile's phones one after another. */
  readonly phoneCounts: Uint32Array;
  readonly phones: string[];
}

const TEXT_FIELDS = [
  'first',
  'last',
  'firstCode',
  'lastCode',
  'birthDate',
  'street',
  'streetName',
  'houseNumber',
  'postalCode',
  'city',
  'nationalId',
] as const satisfies readonly (keyof MatchProfile)[];
type TextField = (typeof TEXT_FIELDS)[number];

/** Splits profiles into columns. */
export function toProfileColumns(profiles: readonly MatchProfile[]): ProfileColumns {
  const text = Object.fromEntries(TEXT_FIELDS.map((field) => [field, profiles.map((profile) => profile[field])])) as Record<TextField, (string | null)[]>;
  const emailCounts = new Uint32Array(profiles.length);
  const phoneCounts = new Uint32Array(profiles.length);
  const emailLocals: string[] = [];
  const emailDomains: string[] = [];
  const phones: string[] = [];
  profiles.forEach((profile, at) => {
    emailCounts[at] = profile.emails.length;
    for (const email of profile.emails) {
      emailLocals.push(email.local);
      emailDomains.push(email.domain);
    }
    phoneCounts[at] = profile.phones.length;
    for (const phone of profile.phones) phones.push(phone);
  });
  return { index: Int32Array.from(profiles, (profile) => profile.index), text, emailCounts, emailLocals, emailDomains, phoneCounts, phones };
}

/** Puts the profiles back together: the inverse of toProfileColumns. */
export function fromProfileColumns(columns: ProfileColumns): MatchProfile[] {
  const { text } = columns;
  const profiles = new Array<MatchProfile>(columns.index.length);
  let email = 0;
  let phone = 0;
  for (let at = 0; at < profiles.length; at++) {
    const emailCount = columns.emailCounts[at]!;
    const emails: EmailParts[] = emailCount === 0 ? NO_ELEMENTS : new Array<EmailParts>(emailCount);
    for (let k = 0; k < emailCount; k++, email++) emails[k] = { local: columns.emailLocals[email]!, domain: columns.emailDomains[email]! };
    const phoneCount = columns.phoneCounts[at]!;
    profiles[at] = {
      index: columns.index[at]!,
      first: text.first[at]!,
      last: text.last[at]!,
      firstCode: text.firstCode[at]!,
      lastCode: text.lastCode[at]!,
      birthDate: text.birthDate[at]!,
      street: text.street[at]!,
      streetName: text.streetName[at]!,
      houseNumber: text.houseNumber[at]!,
      postalCode: text.postalCode[at]!,
      city: text.city[at]!,
      nationalId: text.nationalId[at]!,
      emails,
      phones: phoneCount === 0 ? NO_ELEMENTS : columns.phones.slice(phone, phone + phoneCount),
    };
    phone += phoneCount;
  }
  return profiles;
}
