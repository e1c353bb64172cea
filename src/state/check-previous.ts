// Refuses a --previous state that this run cannot continue (pseudonymised under another key, or at all).
import { errors } from '../errors/index.js';
import type { StateManifest } from './state-files.js';

/**
 * Checks that this run's pseudonymisation matches the previous state's. A raw previous state may
 * be continued by a --pseudonymise run (its values get pseudonymised now), not the other way round.
 * @param dir the --previous directory (for the message)
 * @param keyCheck this run's key fingerprint (key-check.ts), or null without --pseudonymise
 * @throws IdgraphError PREVIOUS_STATE_INVALID
 */
export function checkPreviousCompatible(dir: string, manifest: StateManifest, keyCheck: string | null): void {
  if (!manifest.pseudonymised) return;
  if (keyCheck === null) {
    throw errors.previousInvalid(dir, 'it was written with --pseudonymise; rerun with --pseudonymise and the same IDGRAPH_PSEUDONYM_KEY');
  }
  if (manifest.keyCheck !== keyCheck) {
    throw errors.previousInvalid(dir, 'its pseudonyms were made with another IDGRAPH_PSEUDONYM_KEY; set the key that run used');
  }
}
