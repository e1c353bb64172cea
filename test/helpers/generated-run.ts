// Generates a small multi-source dataset into a temporary directory, for tests that need files.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDataset, writeDataset } from '../../fixtures/generate.js';

export const INPUT_FILES = ['shop.csv', 'crm.csv', 'newsletter.csv', 'web.ndjson', 'app.csv'] as const;

export interface GeneratedFiles {
  readonly dir: string;
  readonly inputs: readonly string[];
  readonly config: string;
}

/** Writes a generated dataset (files + config.json + truth.csv) to a fresh temp directory. */
export async function generatedFiles(people: number, seed: number): Promise<GeneratedFiles> {
  const dir = await mkdtemp(join(tmpdir(), 'idgraph-test-'));
  await writeDataset(generateDataset({ people, seed }), dir);
  return { dir, inputs: INPUT_FILES.map((file) => join(dir, file)), config: join(dir, 'config.json') };
}
