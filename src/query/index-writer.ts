// Writes the lookup index of a run directory, so queries answer without reloading the whole graph.
import type { ResolutionResult } from '../resolve/index.js';

/**
 * Writes the query index files into a run's staging directory.
 * NOTE: placeholder until the embedded queries land (issue 5): writes nothing yet.
 */
export async function writeQueryIndex(stagingDir: string, result: ResolutionResult): Promise<void> {
  void stagingDir;
  void result;
}
