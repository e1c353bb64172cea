import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generatedDataset } from '../../../bench/lib/datasets.js';
import { writeGeneratedDataset } from '../../../bench/lib/generated.js';
import { readCsv } from '../../../bench/lib/csv.js';

describe('writeGeneratedDataset', () => {
  test('should write a directory that generatedDataset reads: five inputs, a truth for every CSV record', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'idgraph-generated-test-'));
    try {
      await writeGeneratedDataset(dir, { people: 40, seed: 7 });
      const dataset = generatedDataset(dir);
      expect(dataset.inputs.map((file) => basename(file))).toStrictEqual([
        'app.csv',
        'crm.csv',
        'newsletter.csv',
        'shop.csv',
        'web.ndjson',
      ]);
      const truth = dataset.truth();
      for (const input of dataset.inputs.filter((file) => file.endsWith('.csv'))) {
        for (const row of readCsv(input, ['record_id']).rows) expect(truth.has(row['record_id']!), row['record_id']).toBe(true);
      }
      expect(dataset.consent).toBe('enforce');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
