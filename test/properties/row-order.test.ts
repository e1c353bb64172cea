// Determinism: the same records in any order give the same customers and the same IDs.
import { beforeAll, describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { loadConfig } from '../../src/config/index.js';
import { readInputs, type InputRecord } from '../../src/input/index.js';
import { resolve, type ResolutionResult } from '../../src/resolve/index.js';
import type { Config } from '../../src/config/index.js';
import { generatedFiles } from '../helpers/generated-run.js';
import { shuffle } from '../helpers/shuffle.js';

let records: InputRecord[] = [];
let config: Config;

/** The parts of a result a user relies on, in a form independent of array order. */
function essence(result: ResolutionResult) {
  const byRecord = Object.fromEntries(result.records.map((r) => [r.recordKey, r.customerId]));
  const identifiers = Object.fromEntries(result.identifiers.map((i) => [i.key, i.customerId]));
  const links = result.links.map((l) => `${l.from}>${l.to}>${l.matcher}>${l.weight}`).sort();
  const refused = result.refused.map((r) => `${r.from}>${r.to}>${r.rule}>${r.detail}`).sort();
  return { byRecord, identifiers, customers: result.customers, links, refused, counts: result.counts };
}

beforeAll(async () => {
  const files = await generatedFiles(120, 5);
  config = await loadConfig(files.config);
  records = [...(await readInputs(files.inputs, config)).records];
});

describe('resolve', () => {
  describe('should give the same customers and IDs in any row order', () => {
    test.prop([fc.integer()], { numRuns: 1 })('for the generated dataset itself (sanity: it has merges)', () => {
      const result = resolve(records, { config });
      expect(result.customers.length).toBeLessThan(records.length);
    });

    test.prop([fc.integer()], { numRuns: 10 })('for shuffled input (seeded Fisher-Yates)', (seed) => {
      const baseline = essence(resolve(records, { config }));
      expect(essence(resolve(shuffle(records, seed), { config }))).toStrictEqual(baseline);
    });

    test.prop([fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 5, maxLength: 5 })], { numRuns: 10 })(
      'for input files given in another order',
      (order) => {
        const byFile = new Map<string, InputRecord[]>();
        for (const record of records) byFile.set(record.file, [...(byFile.get(record.file) ?? []), record]);
        const files = [...byFile.keys()];
        const reordered = order.flatMap((index) => byFile.get(files[index] ?? '') ?? []);
        expect(essence(resolve(reordered, { config }))).toStrictEqual(essence(resolve(records, { config })));
      },
    );
  });
});
