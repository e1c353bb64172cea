// The customer ID format, `cus_` + 16 base32hex characters, and its content-derived constructor.
import * as crypto from 'node:crypto';
import type { Brand } from '../identifiers/index.js';

export type CustomerId = Brand<string, 'CustomerId'>;

const CUSTOMER_ID = /^cus_[0-9a-v]{16}$/;
const BASE32HEX = '0123456789abcdefghijklmnopqrstuv';

export function isCustomerId(value: string): value is CustomerId {
  return CUSTOMER_ID.test(value);
}

/** Validates a string read from a file or the command line as a CustomerId. */
export function parseCustomerId(value: string): CustomerId | null {
  return isCustomerId(value) ? value : null;
}

/** The first 80 bits of `bytes` in lower-case base32hex (16 characters). */
function base32hex80(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (let index = 0; index < 10; index++) {
    buffer = (buffer << 8) | bytes[index]!;
    bits += 8;
    while (bits >= 5) {
      out += BASE32HEX[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  return out;
}

/**
 * The ID of a customer without prior state: a hash of its sorted record keys, so the same
 * records give the same ID whatever the input order.
 * @param sortedRecordKeys the customer's record keys (`source/record_id`), sorted
 */
export function contentCustomerId(sortedRecordKeys: readonly string[]): CustomerId {
  return `cus_${base32hex80(sha256OfLines(sortedRecordKeys))}` as CustomerId;
}

/** crypto.hash where Node has it (20.12 on), typed as optional: package.json allows any Node 20. */
const oneShotHash = (crypto as { hash?: (algorithm: string, data: string, encoding: 'buffer') => Buffer }).hash;

/**
 * SHA-256 of the lines (each followed by a line break, UTF-8).
 * NOTE: one call of crypto.hash on the joined text rather than a Hash object fed line by line: at
 * 660k customers 0.84–0.92 s against 1.46–1.66 s in one process (bench/RESULTS.md, "Customer IDs
 * hashed in one call"); the bytes hashed, so the IDs, are the same.
 */
function sha256OfLines(lines: readonly string[]): Uint8Array {
  // No lines hash no bytes, as the fallback below hashes them.
  if (oneShotHash !== undefined) return oneShotHash('sha256', lines.length === 0 ? '' : `${lines.join('\n')}\n`, 'buffer');
  const hash = crypto.createHash('sha256');
  for (const line of lines) hash.update(line).update('\n');
  return hash.digest();
}

/**
 * The order of customers in a run (customers.csv, state/customers.csv): by ID, in code-unit order
 * (not a locale's), so the files are the same on every machine.
 */
export function byCustomerId(a: { readonly id: string }, b: { readonly id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
