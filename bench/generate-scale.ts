// Writes the scale benchmark's dataset of N records (the project's generator, seed 1) into DIR.
//
//   node --max-old-space-size=20000 --import tsx bench/generate-scale.ts N DIR
//
// Run by bench/scale.ts in a process of its own: the generator holds the whole dataset, ~10 GB at
// 10M records, beyond the default heap of `npx tsx`.
import { mkdirSync } from 'node:fs';
import { generateDataset, writeDataset } from '../fixtures/generate.js';

const [recordsText, dir] = process.argv.slice(2);
const records = Number(recordsText);
if (!Number.isInteger(records) || records <= 0 || dir === undefined) {
  process.stderr.write('usage: node --import tsx bench/generate-scale.ts N DIR\n');
  process.exit(2);
}
mkdirSync(dir, { recursive: true });
await writeDataset(generateDataset({ records, seed: 1 }), dir);
