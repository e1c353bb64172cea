// Writes a dataset with the project's generator (fixtures/generate.ts) for the accuracy benchmark.

import { generateDataset, writeDataset } from '../../fixtures/generate.js';

/**
 * Generates a dataset with the project's generator and writes it (shop.csv, crm.csv,
 * newsletter.csv, web.ndjson, app.csv, truth.csv, config.json, manifest.json) into `dir`.
 * @param dir the directory to write (created when missing)
 * @param options how many persons (`people`, the generator's option name), which seed
 */
export async function writeGeneratedDataset(
  dir: string,
  options: { readonly people: number; readonly seed: number },
): Promise<void> {
  await writeDataset(generateDataset({ people: options.people, seed: options.seed }), dir);
}
