// Prepares a record for a pseudonymised run's state: identifiers become marked pseudonyms, never raw values.
import type { CountryCode } from 'libphonenumber-js';
import type { IdentifierType } from '../identifiers/index.js';
import type { InputRecord, RawIdentifier } from '../input/index.js';
import { normaliseIdentifier } from '../normalise/identifier.js';
import { isPlaceholder } from '../normalise/junk.js';

export interface StatePseudonymiser {
  /** The run's pseudonymiser (src/privacy/pseudonymise.ts). */
  readonly pseudonymise: (type: IdentifierType, normalisedValue: string) => string;
  readonly defaultRegion: CountryCode;
  /** config.junk.values: extra placeholders, `type:value`. */
  readonly extraJunk: ReadonlySet<string>;
}

/**
 * Replaces each raw identifier by its pseudonym, marked `pseudonymised: true` so the next run uses
 * it as is. Values already marked are kept. Invalid and placeholder values are dropped: they never
 * link, and their raw form must not be stored.
 * NOTE: the next run then cannot use these records' raw emails and phones for fuzzy matching (the
 * email local-part comparison), and their invalid/junk values are no longer listed in rejected.csv.
 * Attributes (names, birth date, address) stay as read: fuzzy matching needs them, and
 * --pseudonymise covers identifiers (DESIGN.md, Privacy).
 * @returns the record with pseudonymised identifiers (the same object when nothing changes)
 */
export function pseudonymiseRecord(record: InputRecord, options: StatePseudonymiser): InputRecord {
  if (record.identifiers.every((identifier) => identifier.pseudonymised === true)) return record;
  const identifiers: RawIdentifier[] = [];
  const seen = new Set<string>();
  for (const identifier of record.identifiers) {
    let pseudonym = identifier.raw;
    if (identifier.pseudonymised !== true) {
      const normalised = normaliseIdentifier(identifier.type, identifier.raw, { defaultRegion: options.defaultRegion });
      if (!normalised.ok || isPlaceholder(identifier.type, normalised.value, options.extraJunk)) continue;
      pseudonym = options.pseudonymise(identifier.type, normalised.value);
    }
    const key = `${identifier.type}:${pseudonym}`;
    if (seen.has(key)) continue;
    seen.add(key);
    identifiers.push({ type: identifier.type, raw: pseudonym, pseudonymised: true });
  }
  return { ...record, identifiers };
}
