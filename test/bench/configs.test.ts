// The benchmark configs must load with idgraph's own validator and name real columns.
import { readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CONFIG_DIR, sharedDatasets, SHARED_DATASET_NAMES } from '../../bench/lib/datasets.js';
import { readCsv } from '../../bench/lib/csv.js';
import { validateConfig } from '../../src/config/index.js';
import { requireSharedDir, skipNote, skipShared } from './helpers/shared-datasets.js';

const configFile = (name: string) => join(CONFIG_DIR, `${name}.json`);
const rawConfig = (name: string) =>
  JSON.parse(readFileSync(configFile(name), 'utf8')) as {
    $comment: string;
    sources: Record<string, string>;
    columns: Record<string, string>;
  };

describe('bench/configs', () => {
  describe.each([...SHARED_DATASET_NAMES])('%s.json', (name) => {
    test('should pass idgraph config validation', () => {
      expect(() => validateConfig(rawConfig(name), configFile(name))).not.toThrow();
    });

    test('should say in $comment why the truth and noisy columns stay unmapped', () => {
      expect(rawConfig(name).$comment.length).toBeGreaterThan(40);
    });
  });

  describe.each(['febrl1', 'febrl2', 'febrl3', 'febrl4'])('%s.json', (name) => {
    test('should map soc_sec_id onto the national_id attribute, never onto an identifier', () => {
      expect(rawConfig(name).columns['soc_sec_id']).toBe('national_id');
      expect(rawConfig(name).$comment).toContain('soc_sec_id');
    });
  });
});

describe.skipIf(skipShared)(`bench/configs against the shared datasets${skipNote}`, () => {
  test.each([...SHARED_DATASET_NAMES])('should map only columns %s has, and give every input file a source domain', (name) => {
    const dataset = sharedDatasets(requireSharedDir()).find((d) => d.name === name)!;
    const config = rawConfig(name);
    for (const input of dataset.inputs) {
      const { columns } = readCsv(input);
      for (const column of Object.keys(config.columns)) expect(columns, `${input}: ${column}`).toContain(column);
      expect(config.sources[basename(input, extname(input))], input).toBeDefined();
    }
    expect(Object.values(config.columns)).toContain('record_id');
  });
});
