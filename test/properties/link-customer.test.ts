// Every applied link names the customer it belongs to: the customer of both its sides.
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { loadConfig } from '../../src/config/index.js';
import { readInputs } from '../../src/input/index.js';
import { resolve } from '../../src/resolve/index.js';
import { generatedFiles } from '../helpers/generated-run.js';

describe('resolve', () => {
  test.prop([fc.integer({ min: 1, max: 1_000_000 })], { numRuns: 3 })(
    "should give each applied link the customer of both its sides (the query index files it under that customer)",
    async (seed) => {
      const files = await generatedFiles(150, seed);
      const config = await loadConfig(files.config);
      const result = resolve((await readInputs(files.inputs, config)).records, { config, consent: 'enforce', fuzzy: true });
      const customerOf = new Map<string, string | null>();
      for (const record of result.records) customerOf.set(`record:${record.recordKey}`, record.customerId);
      for (const identifier of result.identifiers) customerOf.set(identifier.key, identifier.customerId);
      const wrong = result.links.filter((link) => customerOf.get(link.from) !== link.customerId || customerOf.get(link.to) !== link.customerId);
      expect(result.links.filter((link) => link.customerId !== null).length).toBeGreaterThan(100);
      expect(result.links.some((link) => link.from.startsWith('record:') && link.to.startsWith('record:'))).toBe(true);
      expect(wrong).toStrictEqual([]);
    },
  );
});
