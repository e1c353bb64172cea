// Keyed HMAC-SHA256 pseudonyms for identifier values; the key comes only from the environment.
import { createHmac } from 'node:crypto';
import type { IdentifierType } from '../identifiers/index.js';

export const PSEUDONYM_KEY_VARIABLE = 'IDGRAPH_PSEUDONYM_KEY';

/**
 * A function mapping (type, normalised value) to a stable pseudonym: `ps_` + the first 128 bits
 * of HMAC-SHA256(key, type + ":" + value) in hex. The type is part of the message, so the same
 * string as email and as login gets different pseudonyms.
 */
export function createPseudonymiser(key: string): (type: IdentifierType, normalisedValue: string) => string {
  return (type, value) => `ps_${createHmac('sha256', key).update(`${type}:${value}`).digest('hex').slice(0, 32)}`;
}
