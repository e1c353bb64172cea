// The outcome of normalising one raw identifier value.

/** Why a raw value was not usable for matching. A closed list: reports group by it. */
export type InvalidReason =
  | 'empty'
  | 'email_syntax'
  | 'phone_invalid'
  | 'phone_too_short'
  | 'too_long'
  | 'bad_characters';

export type NormaliseResult =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly reason: InvalidReason };

export const normalised = (value: string): NormaliseResult => ({ ok: true, value });
export const invalid = (reason: InvalidReason): NormaliseResult => ({ ok: false, reason });
