// One input row after column mapping and row-level checks: what the engine resolves.
import type { AttributeField, Domain } from '../config/index.js';
import type { IdentifierType } from '../identifiers/index.js';

export type Permission = 'granted' | 'denied' | null;

/** A raw identifier value as it stood in the input, before normalisation. */
export interface RawIdentifier {
  readonly type: IdentifierType;
  readonly raw: string;
  /** Set on values carried from a pseudonymised run's state (src/state/): `raw` is already the pseudonym, used as is. */
  readonly pseudonymised?: true;
}

export interface InputRecord {
  /** Where the row came from, for rejections and reports. */
  readonly file: string;
  readonly line: number;
  readonly recordId: string;
  readonly source: string;
  readonly domain: Domain;
  /** Epoch milliseconds, or null when the row has no timestamp. */
  readonly timestamp: number | null;
  readonly identifiers: readonly RawIdentifier[];
  readonly attributes: Readonly<Partial<Record<AttributeField, string>>>;
  readonly cookiePermission: Permission;
  readonly crmPermission: Permission;
}
