// A fingerprint of the pseudonym key: tells whether two runs used the same key, without revealing it.
import { createHmac } from 'node:crypto';

/**
 * HMAC-SHA256 of a fixed label under the key, first 64 bits in hex. Pseudonyms made under
 * another key never match, so a run that continues a pseudonymised state must use the same key.
 * @param key the pseudonym key (IDGRAPH_PSEUDONYM_KEY)
 * @returns 16 hex characters
 */
export function pseudonymKeyCheck(key: string): string {
  return createHmac('sha256', key).update('idgraph state key check').digest('hex').slice(0, 16);
}
