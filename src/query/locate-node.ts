// Finds the graph node a reference names, normalising (and pseudonymising) typed identifier values as resolve did.
import type { CountryCode } from 'libphonenumber-js';
import { errors } from '../errors/index.js';
import type { CustomerId } from '../ids/index.js';
import { nodeKey } from '../identifiers/index.js';
import { normaliseIdentifier } from '../normalise/identifier.js';
import { createPseudonymiser, PSEUDONYM_KEY_VARIABLE } from '../privacy/pseudonymise.js';
import { findEntries } from './index-reader.js';
import { printable, type QueryRef } from './ref.js';
import type { RunDirectory } from './run-directory.js';

/** Options of the query functions. */
export interface QueryOptions {
  /** Where IDGRAPH_PSEUDONYM_KEY is read from for pseudonymised runs (default: process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Why a reference names nothing in the run. */
export type NotFoundReason = 'absent' | 'invalid' | 'junk' | 'unattached' | 'erased';

export type LocatedNode =
  | {
      readonly kind: 'node';
      /** The node as the run's files write it: `email:…` (pseudonym in pseudonymised runs) or `record:<source>/<id>`. */
      readonly node: string;
      /** Null for an identifier every link of which was refused. */
      readonly customerId: CustomerId | null;
      /** Records holding the identifier; null for a record. */
      readonly holders: number | null;
    }
  | { readonly kind: 'not-found'; readonly reason: NotFoundReason; readonly detail: string | null };

const PSEUDONYM = /^ps_[0-9a-f]{32}$/;
const MIN_KEY_LENGTH = 16;

/** The node key of a typed identifier in this run, or why it cannot be one. */
function identifierKey(
  run: RunDirectory,
  ref: Extract<QueryRef, { kind: 'identifier' }>,
  options: QueryOptions,
): { readonly ok: true; readonly key: string } | { readonly ok: false; readonly detail: string } {
  const raw = ref.raw.trim();
  // A pseudonym copied from this run's output is already the value the graph holds.
  if (run.manifest.pseudonymised && PSEUDONYM.test(raw)) return { ok: true, key: nodeKey(ref.type, raw) };
  const normalised = normaliseIdentifier(ref.type, ref.raw, { defaultRegion: run.manifest.phoneRegion as CountryCode });
  if (!normalised.ok) return { ok: false, detail: normalised.reason };
  if (!run.manifest.pseudonymised) return { ok: true, key: nodeKey(ref.type, normalised.value) };
  const key = (options.env ?? process.env)[PSEUDONYM_KEY_VARIABLE];
  if (key === undefined || key.length < MIN_KEY_LENGTH) {
    throw errors.missingSecret(PSEUDONYM_KEY_VARIABLE, 'looking up an identifier in a pseudonymised run (with the key it was resolved with)');
  }
  return { ok: true, key: nodeKey(ref.type, createPseudonymiser(key)(ref.type, normalised.value)) };
}

/**
 * Locates an identifier or record reference in the run's index.
 * @throws IdgraphError USAGE when a bare `record:<id>` exists in several sources;
 * MISSING_SECRET for an identifier of a pseudonymised run without the key in the environment
 */
export async function locateNode(
  run: RunDirectory,
  ref: Extract<QueryRef, { kind: 'identifier' | 'record' }>,
  options: QueryOptions = {},
): Promise<LocatedNode> {
  if (ref.kind === 'identifier') {
    const key = identifierKey(run, ref, options);
    if (!key.ok) return { kind: 'not-found', reason: 'invalid', detail: key.detail };
    const entries = await findEntries(run.index, 'identifiers', key.key);
    const entry = entries.find((line) => line[3] === null);
    if (entry !== undefined) return { kind: 'node', node: key.key, customerId: entry[1] as CustomerId | null, holders: entry[2] };
    const junk = entries[0];
    if (junk !== undefined) return { kind: 'not-found', reason: 'junk', detail: junk[3] };
    return { kind: 'not-found', reason: 'absent', detail: null };
  }
  const slash = ref.path.indexOf('/');
  if (slash > 0) {
    const source = ref.path.slice(0, slash);
    const entry = (await findEntries(run.index, 'records', ref.path.slice(slash + 1))).find((line) => line[1] === source);
    if (entry !== undefined) return { kind: 'node', node: `record:${entry[1]}/${entry[0]}`, customerId: entry[2] as CustomerId, holders: null };
  }
  const entries = await findEntries(run.index, 'records', ref.path);
  if (entries.length > 1) throw errors.ambiguousRecord(printable(ref.text), entries.map((line) => printable(`record:${line[1]}/${line[0]}`)));
  const entry = entries[0];
  if (entry === undefined) return { kind: 'not-found', reason: 'absent', detail: null };
  return { kind: 'node', node: `record:${entry[1]}/${entry[0]}`, customerId: entry[2] as CustomerId, holders: null };
}

/** Why a reference names nothing, as the end of a one-line message (repeats no value). */
export function describeNotFound(reason: NotFoundReason, detail: string | null): string {
  switch (reason) {
    case 'absent':
      return 'not in this run';
    case 'invalid':
      return `not a valid value of that type (${detail ?? 'invalid'}), so no run can hold it`;
    case 'junk':
      return `a junk value (${detail ?? 'junk'}): it never links records, so no customer holds it`;
    case 'unattached':
      return 'in this run, but no customer holds it: every link to it was refused (see refused.csv)';
    case 'erased':
      return 'erased from this run (see id_history.csv)';
  }
}
