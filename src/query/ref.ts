// Parses what a user types to name a node or a customer: `type:value`, `record:…` or a customer ID.
import { errors } from '../errors/index.js';
import { IDENTIFIER_TYPES, isIdentifierType, type IdentifierType } from '../identifiers/index.js';
import { isCustomerId, type CustomerId } from '../ids/index.js';

/** A parsed reference; `text` is what the user typed (the only form error messages repeat). */
export type QueryRef =
  | { readonly kind: 'identifier'; readonly text: string; readonly type: IdentifierType; readonly raw: string }
  /** `path` is what follows `record:`: `<id>` or `<source>/<id>` (told apart against the index). */
  | { readonly kind: 'record'; readonly text: string; readonly path: string }
  | { readonly kind: 'customer'; readonly text: string; readonly id: CustomerId };

const FORMS: Readonly<Record<QueryRef['kind'], string>> = {
  identifier: `<type>:<value> (type: ${IDENTIFIER_TYPES.join(', ')})`,
  record: 'record:<id> or record:<source>/<id>',
  customer: 'a customer ID (cus_ + 16 characters)',
};

/**
 * `text` with control characters replaced by `?`, so a message that repeats it stays one line.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?');
}

/**
 * Parses a reference.
 * @param text the reference as typed: `email:Anna@Example.org`, `record:crm/17`, `record:17`, `cus_…`
 * @param allowed the kinds the calling query accepts
 * @throws IdgraphError USAGE when `text` is none of the allowed forms
 */
export function parseRef(text: string, allowed: readonly QueryRef['kind'][]): QueryRef {
  const trimmed = text.trim();
  if (allowed.includes('customer') && isCustomerId(trimmed)) return { kind: 'customer', text, id: trimmed };
  const colon = trimmed.indexOf(':');
  if (colon > 0) {
    const prefix = trimmed.slice(0, colon);
    const rest = trimmed.slice(colon + 1);
    if (prefix === 'record' && allowed.includes('record') && rest !== '') return { kind: 'record', text, path: rest };
    if (isIdentifierType(prefix) && allowed.includes('identifier') && rest.trim() !== '') {
      return { kind: 'identifier', text, type: prefix, raw: rest };
    }
  }
  throw errors.badReference(printable(text), allowed.map((kind) => FORMS[kind]).join(' or '));
}
