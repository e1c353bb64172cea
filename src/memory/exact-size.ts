// Small arrays kept for a whole run, at the size they need.

/** The one empty array shared by every kept array with no elements (never to be pushed to). */
export const NO_ELEMENTS: never[] = [];

/**
 * The elements of an array grown by push (or made by filter) in an array of exactly their number.
 * NOTE: V8 grows an array from empty to room for 16 or so elements on the first push, and filter
 * does the same: ~190 bytes for an array of one element, ~40 for an exact one. A run keeps a few
 * such arrays per record and per identifier (a record's identifiers, the records holding an
 * identifier, a record's normalised emails and phones): at 100k records trimming them took the
 * engine's live heap after normalisation from 154 to 115 MB.
 * @returns a shared empty array for no elements (never to be pushed to), else a copy
 */
export function exactSize<T>(grown: readonly T[]): T[] {
  return grown.length === 0 ? NO_ELEMENTS : grown.slice();
}
