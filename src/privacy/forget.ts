// Erasure on request: what a `forget` reference names, and which rows of a run hold the erased person.
import type { CountryCode } from 'libphonenumber-js';
import { isCustomerId, type CustomerId } from '../ids/index.js';
import { isIdentifierType, nodeKey, type IdentifierType, type NodeKey } from '../identifiers/index.js';
import type { RawIdentifier } from '../input/index.js';
import { normaliseIdentifier } from '../normalise/identifier.js';

/** What `idgraph forget <dir> <ref>` erases. */
export type ForgetTarget =
  | { readonly kind: 'customer'; readonly id: CustomerId }
  /** `key` is the node key as the run's files write it (the pseudonym in a pseudonymised run). */
  | { readonly kind: 'identifier'; readonly type: IdentifierType; readonly key: NodeKey };

/** How the run normalised and pseudonymised identifiers (from its run.json). */
export interface ForgetRunSettings {
  readonly phoneRegion: CountryCode;
  /** The run's pseudonymiser; null when the run was not pseudonymised. */
  readonly pseudonymise: ((type: IdentifierType, normalisedValue: string) => string) | null;
}

const PSEUDONYM = /^ps_[0-9a-f]{32}$/;

/**
 * Parses a forget reference: a customer ID, or `type:value` normalised (and pseudonymised) as
 * resolve did, like `lookup`. A pseudonym copied from a pseudonymised run's output is taken as is.
 * @returns the target, or why the reference names nothing (without repeating its value)
 */
export function parseForgetTarget(ref: string, run: ForgetRunSettings): ForgetTarget | { readonly kind: 'invalid'; readonly detail: string } {
  const text = ref.trim();
  if (isCustomerId(text)) return { kind: 'customer', id: text };
  const colon = text.indexOf(':');
  const type = colon > 0 ? text.slice(0, colon) : '';
  if (!isIdentifierType(type) || text.slice(colon + 1).trim() === '') {
    return { kind: 'invalid', detail: 'not a reference; write <type>:<value> (type: loyalty_number, login, email, app_id, phone, cookie_id) or a customer ID (cus_ + 16 characters)' };
  }
  const raw = text.slice(colon + 1).trim();
  if (run.pseudonymise !== null && PSEUDONYM.test(raw)) return { kind: 'identifier', type, key: nodeKey(type, raw) };
  const normalised = normaliseIdentifier(type, raw, { defaultRegion: run.phoneRegion });
  if (!normalised.ok) return { kind: 'invalid', detail: `not a valid ${type} (${normalised.reason})` };
  const value = run.pseudonymise === null ? normalised.value : run.pseudonymise(type, normalised.value);
  return { kind: 'identifier', type, key: nodeKey(type, value) };
}

/**
 * A matcher telling whether a record's identifiers hold the target identifier, normalising each
 * raw value of the target's type as resolve did (pseudonyms carried in a state compare as they are).
 * @returns a predicate over a record's identifiers
 */
export function carriesIdentifier(target: Extract<ForgetTarget, { kind: 'identifier' }>, run: ForgetRunSettings): (identifiers: readonly RawIdentifier[]) => boolean {
  const cache = new Map<string, string | null>();
  const keyOf = (identifier: RawIdentifier): string | null => {
    if (identifier.pseudonymised === true) return nodeKey(identifier.type, identifier.raw);
    let key = cache.get(identifier.raw);
    if (key === undefined) {
      const normalised = normaliseIdentifier(identifier.type, identifier.raw, { defaultRegion: run.phoneRegion });
      key = !normalised.ok
        ? null
        : nodeKey(identifier.type, run.pseudonymise === null ? normalised.value : run.pseudonymise(identifier.type, normalised.value));
      cache.set(identifier.raw, key);
    }
    return key;
  };
  return (identifiers) => identifiers.some((identifier) => identifier.type === target.type && keyOf(identifier) === target.key);
}

/** What one erasure removes; filled while the state is filtered, then used on every run file. */
export interface ErasureSet {
  readonly customers: ReadonlySet<string>;
  /** `source/record_id` of every erased record. */
  readonly recordKeys: Set<string>;
  /** record_id of every erased record (row-level rejections name no source). */
  readonly recordIds: Set<string>;
  /** `file\u0000line` of every erased record, for value-level rejections. */
  readonly fileLines: Set<string>;
  /** Node keys (`type:value`) of every erased identifier. */
  readonly identifierKeys: Set<string>;
}

/** @returns an empty erasure of `customers` */
export function erasureOf(customers: ReadonlySet<string>): ErasureSet {
  return { customers, recordKeys: new Set(), recordIds: new Set(), fileLines: new Set(), identifierKeys: new Set() };
}

/** @returns whether a links.csv / refused.csv node reference (`record:<key>` or `type:value`) is erased */
export function isErasedRef(erasure: ErasureSet, ref: string): boolean {
  return ref.startsWith('record:') ? erasure.recordKeys.has(ref.slice('record:'.length)) : erasure.identifierKeys.has(ref);
}
