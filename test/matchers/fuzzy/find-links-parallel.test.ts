import { beforeAll, describe, expect, test } from 'vitest';
import { loadConfig, type Config } from '../../../src/config/index.js';
import { readInputs } from '../../../src/input/index.js';
import { findFuzzyLinks, type FuzzyStageResult } from '../../../src/matchers/fuzzy/find-links.js';
import { findFuzzyLinksInParallel } from '../../../src/matchers/fuzzy/find-links-parallel.js';
import { FUZZY_MATCHERS } from '../../../src/matchers/fuzzy/registry.js';
import type { MatchRecord } from '../../../src/matchers/match-record.js';
import { compareFuzzyLinks } from '../../../src/resolve/canonical-order.js';
import { normaliseStage } from '../../../src/resolve/normalise-stage.js';
import { generatedFiles } from '../../helpers/generated-run.js';

let config: Config;
let records: readonly MatchRecord[];

/** Everything a stage result says, links in the engine's order (the threads find them in another). */
function essence(result: FuzzyStageResult) {
  const { links, coResidents, pairsScoredByWorker: _, ...rest } = result;
  return { ...rest, links: [...links].sort(compareFuzzyLinks), coResidents: coResidents.counts };
}

beforeAll(async () => {
  const files = await generatedFiles(1500, 11);
  config = await loadConfig(files.config);
  records = normaliseStage((await readInputs(files.inputs, config)).records, config).matchRecords;
});

describe('findFuzzyLinksInParallel', () => {
  test('should be given a dataset with links of several matchers and co-resident pairs (sanity)', () => {
    const result = findFuzzyLinks(records, config.fuzzy);
    expect(new Set(result.links.map((link) => link.matcher)).size).toBeGreaterThan(2);
    expect(Object.values(result.coResidents.counts).some((count) => count > 0)).toBe(true);
    expect(result.candidatePairs).toBeGreaterThan(8192);
  });

  test('should find the same links, counts and models on two threads as on one', async () => {
    const parallel = await findFuzzyLinksInParallel(records, config.fuzzy, undefined, { minProfiles: 0, cores: 2 });
    expect(parallel.pairsScoredByWorker).toBeGreaterThan(0);
    expect(essence(parallel)).toStrictEqual(essence(findFuzzyLinks(records, config.fuzzy)));
  });

  test('should find the same links with a subset of the matchers', async () => {
    const matchers = FUZZY_MATCHERS.filter((matcher) => matcher.id === 'address' || matcher.id === 'co-resident');
    const parallel = await findFuzzyLinksInParallel(records, config.fuzzy, matchers, { minProfiles: 0, cores: 2 });
    expect(parallel.pairsScoredByWorker).toBeGreaterThan(0);
    expect(essence(parallel)).toStrictEqual(essence(findFuzzyLinks(records, config.fuzzy, matchers)));
  });

  test('should stay on one thread below its minimum size, with the same result', async () => {
    const parallel = await findFuzzyLinksInParallel(records, config.fuzzy, undefined, { minProfiles: records.length + 1 });
    expect(parallel.pairsScoredByWorker).toBe(0);
    expect(essence(parallel)).toStrictEqual(essence(findFuzzyLinks(records, config.fuzzy)));
  });

  test('should stay on one thread on a machine with one core, with the same result', async () => {
    const parallel = await findFuzzyLinksInParallel(records, config.fuzzy, undefined, { minProfiles: 0, cores: 1 });
    expect(parallel.pairsScoredByWorker).toBe(0);
    expect(essence(parallel)).toStrictEqual(essence(findFuzzyLinks(records, config.fuzzy)));
  });

  test('should stay on one thread for a matcher the worker does not know, with the same result', async () => {
    const custom = { ...FUZZY_MATCHERS[0]!, id: 'custom' };
    const parallel = await findFuzzyLinksInParallel(records, config.fuzzy, [custom], { minProfiles: 0, cores: 2 });
    expect(parallel.pairsScoredByWorker).toBe(0);
    expect(essence(parallel)).toStrictEqual(essence(findFuzzyLinks(records, config.fuzzy, [custom])));
  });
});
