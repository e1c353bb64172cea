// Normalises a postal code for comparison: upper-case, no spaces.

/**
 * Normalises a postal code: NFKC (full-width digits become ASCII), upper-cased, all whitespace removed
 * (`sw1a 1aa` = `SW1A1AA`). Leading zeros and dashes are kept (`01067`, `1000-001`).
 *
 * @param raw - the value as read from the input
 * @returns the normalised code, or `null` when it is empty
 * @example normalisePostalCode(' sw1a 1aa ') // 'SW1A1AA'
 */
export function normalisePostalCode(raw: string): string | null {
  // NFKC again after upper-casing: some upper-case mappings decompose (ῒ → Ϊ̀), and the result
  // must be a fixed point of this function.
  const code = raw.normalize('NFKC').toUpperCase().normalize('NFKC').replace(/[\s\p{Z}]+/gu, '');
  return code === '' ? null : code;
}
