// Helpers that build blocking-key strings from profile parts.

/**
 * Joins the parts of a blocking key, or gives none when a part is missing.
 * @param parts - the key parts
 * @returns `[key]`, or `[]` when any part is null or empty
 * @example keyOf('1985-03-07', 'm460') // ['1985-03-07|m460']
 */
export function keyOf(...parts: readonly (string | null | undefined)[]): string[] {
  for (const part of parts) if (part === null || part === undefined || part === '') return [];
  return [parts.join('|')];
}

/** The distinct non-empty keys among `keys`, in order (one record, several values). */
export function distinctKeys(keys: readonly string[][]): string[] {
  return [...new Set(keys.flat())];
}
