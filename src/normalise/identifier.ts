// Dispatches a raw identifier value to the normaliser of its type.
import type { CountryCode } from 'libphonenumber-js';
import type { IdentifierType } from '../identifiers/identifier-type.js';
import { normaliseEmail } from './email.js';
import { normaliseLogin } from './login.js';
import { normaliseLoyaltyNumber } from './loyalty-number.js';
import { normaliseOpaqueId } from './opaque-id.js';
import { normalisePhone } from './phone.js';
import type { NormaliseResult } from './result.js';

/** Settings the normalisers take from the configuration. */
export interface NormaliseOptions {
  /** Region for phone numbers written without a country code (`DE` by default in the config). */
  readonly defaultRegion: CountryCode;
}

/**
 * Normalises a raw identifier value with the normaliser of its type.
 *
 * @param type - the identifier type (the input column it came from)
 * @param raw - the value as read from the input
 * @param options - configuration the normalisers need
 * @returns the normalised value, or the reason it cannot be used for matching
 * @example normaliseIdentifier('phone', '0171 1234567', { defaultRegion: 'DE' }) // { ok: true, value: '+491711234567' }
 */
export function normaliseIdentifier(type: IdentifierType, raw: string, options: NormaliseOptions): NormaliseResult {
  switch (type) {
    case 'email':
      return normaliseEmail(raw);
    case 'phone':
      return normalisePhone(raw, options.defaultRegion);
    case 'login':
      return normaliseLogin(raw);
    case 'loyalty_number':
      return normaliseLoyaltyNumber(raw);
    case 'app_id':
    case 'cookie_id':
      return normaliseOpaqueId(raw);
    default: {
      const unhandled: never = type;
      throw new Error(`unhandled identifier type: ${String(unhandled)}`);
    }
  }
}
