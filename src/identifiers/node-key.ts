// The key of an identifier node: `<type>:<normalised value>`, the only way a value reaches the graph.
import { flatConcat } from '../memory/flat-string.js';
import type { Brand } from './brand.js';
import { isIdentifierType, type IdentifierType } from './identifier-type.js';

/** `email:anna@example.org`: an identifier type plus its normalised (or pseudonymised) value. */
export type NodeKey = Brand<string, 'NodeKey'>;

/** The only constructor of a NodeKey (a flat string: every node's key is kept for the whole run). `value` must already be normalised. */
export function nodeKey(type: IdentifierType, normalisedValue: string): NodeKey {
  return flatConcat(type, ':', normalisedValue) as NodeKey;
}

/** Splits a NodeKey back into its type and value. */
export function parseNodeKey(key: NodeKey): { readonly type: IdentifierType; readonly value: string } {
  const colon = key.indexOf(':');
  const type = key.slice(0, colon);
  if (!isIdentifierType(type)) throw new Error(`not a node key: type "${type}"`);
  return { type, value: key.slice(colon + 1) };
}
