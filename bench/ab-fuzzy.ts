// A/B of the fuzzy stage between two built checkouts, in one process: both run on the same
// normalised records, alternating, so the machine's drift and the rest of a run (reading, writing)
// stay out of the comparison.
//
//   node --max-semi-space-size=32 --max-old-space-size=16384 --expose-gc --import tsx \
//     bench/ab-fuzzy.ts A_DIR B_DIR SIZE ROUNDS [--part stage|pairs]
//
// A_DIR and B_DIR are checkouts with `dist/` built (as for bench/ab.sh). SIZE names a dataset made
// by `npx tsx bench/scale.ts --sizes SIZE` (bench/.work/scale-SIZE/). The records are read and
// normalised once, with B's code.
// --part stage (default): findFuzzyLinksInParallel, both threads, as `resolve` runs it; prints
//   seconds, links, candidate pairs and the pairs the worker scored.
// --part pairs: only the enumeration of candidate pairs (forEachCandidatePair, on this thread)
//   with a visitor that sums a checksum of every (x, y, rule) in visiting order; equal checksums
//   mean the same pairs in the same order under the same rules.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { median } from './lib/stats.js';

type Api = typeof import('../src/index.js');
type NormaliseStage = typeof import('../src/resolve/normalise-stage.js');
type Parallel = typeof import('../src/matchers/fuzzy/find-links-parallel.js');
type FindLinks = typeof import('../src/matchers/fuzzy/find-links.js');
type Blocking = typeof import('../src/matchers/blocking.js');

const FILES = ['shop.csv', 'crm.csv', 'newsletter.csv', 'web.ndjson', 'app.csv'];

const { values, positionals } = parseArgs({ allowPositionals: true, options: { part: { type: 'string', default: 'stage' } } });
const [aDir, bDir, size, roundsText] = positionals;
if (aDir === undefined || bDir === undefined || size === undefined || roundsText === undefined || !['stage', 'pairs'].includes(values.part!)) {
  process.stderr.write('usage: node --expose-gc --import tsx bench/ab-fuzzy.ts A_DIR B_DIR SIZE ROUNDS [--part stage|pairs]\n');
  process.exit(2);
}
const data = resolve('bench', '.work', `scale-${size}`);
if (!existsSync(join(data, 'config.json'))) {
  process.stderr.write(`ab-fuzzy: no dataset in ${data}; make it with: npx tsx bench/scale.ts --sizes ${size} --repeat 1\n`);
  process.exit(2);
}
for (const dir of [aDir, bDir]) {
  if (!existsSync(join(dir, 'dist', 'index.js'))) {
    process.stderr.write(`ab-fuzzy: ${dir} has no dist/ (build it: npx tsc -p tsconfig.build.json)\n`);
    process.exit(2);
  }
}
const load = async <T>(dir: string, module: string): Promise<T> => (await import(join(resolve(dir), 'dist', module))) as T;

const api = await load<Api>(bDir, 'index.js');
const { normaliseStage } = await load<NormaliseStage>(bDir, 'resolve/normalise-stage.js');
const config = await api.loadConfig(join(data, 'config.json'));
const batch = await api.readInputs(FILES.map((file) => join(data, file)), config);
const { matchRecords } = normaliseStage(batch.records, config);

/** One timed run of side `dir`: seconds and what it found. */
async function runOnce(dir: string): Promise<{ seconds: number; found: string }> {
  (globalThis as { gc?: () => void }).gc?.();
  if (values.part === 'stage') {
    const { findFuzzyLinksInParallel } = await load<Parallel>(dir, 'matchers/fuzzy/find-links-parallel.js');
    const start = performance.now();
    const result = await findFuzzyLinksInParallel(matchRecords, config.fuzzy);
    const seconds = (performance.now() - start) / 1000;
    return { seconds, found: `links ${result.links.length}, pairs ${result.candidatePairs}, scored by the worker ${result.pairsScoredByWorker}` };
  }
  const { configuredMatchers, planFuzzyStage } = await load<FindLinks>(dir, 'matchers/fuzzy/find-links.js');
  const { forEachCandidatePair } = await load<Blocking>(dir, 'matchers/blocking.js');
  const plan = planFuzzyStage(matchRecords, config.fuzzy, configuredMatchers(config.fuzzy));
  let checksum = 0;
  const start = performance.now();
  const stats = forEachCandidatePair(plan.profiles, plan.rules, plan.maxBlockSize, (x, y, rule) => {
    checksum = (checksum * 31 + x * 7 + y * 3 + rule) % 1_000_000_007;
  });
  const seconds = (performance.now() - start) / 1000;
  return { seconds, found: `pairs ${stats.candidatePairs}, checksum ${checksum}` };
}

const seconds: Record<'A' | 'B', number[]> = { A: [], B: [] };
for (let round = 1; round <= Number(roundsText); round++) {
  for (const [side, dir] of [['A', aDir], ['B', bDir]] as const) {
    const run = await runOnce(dir);
    seconds[side].push(run.seconds);
    process.stdout.write(`${side} round ${round}: ${run.seconds.toFixed(2)} s (${run.found})\n`);
  }
}
process.stdout.write(`median (${values.part}): A ${median(seconds.A).toFixed(2)} s, B ${median(seconds.B).toFixed(2)} s\n`);
