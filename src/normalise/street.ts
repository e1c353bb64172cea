// Normalises a street address line (street name and house number) for fuzzy comparison.
import { foldLetters } from './name.js';

/**
 * `str`, `str.` and `strasse` (ß already folded to ss) at the end of a word, whether a word of their own
 * ("Berliner Str.") or a suffix ("Hauptstr.5"), but not inside a word ("Straßenbahnweg", "Astrid").
 */
const STREET_WORD = /(strasse|str\.?)(?!\p{L})/gu;

/**
 * Normalises a street line: lower-cased, letters folded as in `normaliseName` (ä→ae, ß→ss, é→e),
 * `str`/`str.`/`straße`/`strasse` spelled `strasse`, punctuation replaced by spaces (a hyphen between
 * digits is kept: `12-14`), whitespace collapsed. House numbers are kept.
 *
 * @param raw - the value as read from the input
 * @returns the normalised street, or `null` when it is empty
 * @example normaliseStreet('Hauptstr.5a') // 'hauptstrasse 5a'
 */
export function normaliseStreet(raw: string): string | null {
  const street = foldLetters(raw)
    .replace(STREET_WORD, 'strasse ')
    .replace(/(?<!\d)\p{Pd}|\p{Pd}(?!\d)/gu, ' ')
    .replace(/[^\p{L}\p{N}\p{Pd} ]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return street === '' ? null : street;
}
