import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CONFIG_DIR,
  DATASETS_SKIP_LINE,
  generatedDataset,
  locateDatasets,
  REPO_ROOT,
  sharedDatasets,
  SHARED_DATASET_NAMES,
} from '../../../bench/lib/datasets.js';
import { requireSharedDir, skipNote, skipShared } from '../helpers/shared-datasets.js';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'idgraph-datasets-test-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('locateDatasets', () => {
  describe('should give the one skip line', () => {
    test('for a repository without ../shared/datasets', () => {
      expect(locateDatasets({}, join(scratch, 'nowhere', 'repo'))).toStrictEqual({
        found: false,
        skipLine: DATASETS_SKIP_LINE,
      });
      expect(DATASETS_SKIP_LINE).toBe('skip: ../shared/datasets not found (set IDGRAPH_DATASETS)');
    });

    test('for an IDGRAPH_DATASETS that does not exist, naming it', () => {
      const missing = join(scratch, 'missing');
      expect(locateDatasets({ IDGRAPH_DATASETS: missing })).toStrictEqual({
        found: false,
        skipLine: `skip: IDGRAPH_DATASETS=${missing} not found`,
      });
    });
  });

  describe('should find the directory', () => {
    test('for ../shared/datasets next to the repository root', async () => {
      const repo = join(scratch, 'work', 'main');
      const shared = join(scratch, 'work', 'shared', 'datasets');
      await mkdir(repo, { recursive: true });
      await mkdir(shared, { recursive: true });
      expect(locateDatasets({}, repo)).toStrictEqual({ found: true, dir: shared });
    });

    test('for IDGRAPH_DATASETS, which wins over ../shared/datasets', () => {
      expect(locateDatasets({ IDGRAPH_DATASETS: scratch }, '/nowhere')).toStrictEqual({ found: true, dir: scratch });
    });
  });

  test('should take the repository root as the folder holding bench/', () => {
    expect(existsSync(join(REPO_ROOT, 'bench', 'lib', 'datasets.ts'))).toBe(true);
  });
});

describe('generatedDataset', () => {
  test('should reject a directory without truth.csv', async () => {
    const dir = join(scratch, 'no-truth');
    await mkdir(dir);
    await writeFile(join(dir, 'config.json'), '{}');
    expect(() => generatedDataset(dir)).toThrow(/no truth\.csv/);
  });

  test('should take every CSV/NDJSON but truth.csv as input, sorted, with consent enforced', async () => {
    const dir = join(scratch, 'generated');
    await mkdir(dir);
    for (const file of ['config.json', 'truth.csv', 'web.ndjson', 'shop.csv', 'crm.csv', 'README.md']) {
      await writeFile(join(dir, file), file === 'truth.csv' ? 'record_id,person_id,allowed_entity_id\nr1,p1,e1\n' : '');
    }
    const dataset = generatedDataset(dir);
    expect(dataset.inputs.map((file) => basename(file))).toStrictEqual(['crm.csv', 'shop.csv', 'web.ndjson']);
    expect(dataset.config).toBe(join(dir, 'config.json'));
    expect(dataset.consent).toBe('enforce');
    expect(dataset.truth()).toStrictEqual(new Map([['r1', 'e1']]));
  });
});

describe.skipIf(skipShared)(`sharedDatasets${skipNote}`, () => {
  test('should list every dataset in order, each with existing inputs and a config in bench/configs', () => {
    const datasets = sharedDatasets(requireSharedDir());
    expect(datasets.map((d) => d.name)).toStrictEqual([...SHARED_DATASET_NAMES]);
    for (const dataset of datasets) {
      expect(dataset.config).toBe(join(CONFIG_DIR, `${dataset.name}.json`));
      expect(existsSync(dataset.config)).toBe(true);
      for (const input of dataset.inputs) expect(existsSync(input), input).toBe(true);
      expect(dataset.consent).toBe('ignore');
    }
  });

  test('should hold expected counts that the truth loaders reproduce', () => {
    for (const dataset of sharedDatasets(requireSharedDir())) {
      expect(dataset.truth().size, dataset.name).toBe(dataset.expected?.records);
    }
  });
});
