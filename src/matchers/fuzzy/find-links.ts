// The fuzzy stage: profiles, weight model, blocking, co-resident model, and one scored link per accepted candidate pair.
import type { FuzzyConfig } from '../../config/index.js';
import { hasAnchor } from '../anchors.js';
import { forEachCandidatePair, type BlockingStats } from '../blocking.js';
import { CoResidentTally, type CoResidentModel } from '../co-residents.js';
import { compareProfiles, type Comparison, type ComparisonThresholds } from '../comparison.js';
import type { FuzzyLink, MatchRecord } from '../match-record.js';
import type { WeightModel } from '../match-weight.js';
import { hasFuzzyFields, profileOf, type MatchProfile } from '../profile.js';
import { buildWeightModel } from '../weight-model.js';
import { weigh, type FuzzyMatcher, type ScoreContext } from './matcher.js';
import { FUZZY_MATCHERS } from './registry.js';

/** What the fuzzy stage found and what it cost. */
export interface FuzzyStageResult {
  /** Links above the threshold, one per record pair, in candidate order (the engine sorts them). */
  readonly links: FuzzyLink[];
  /** Distinct record pairs compared. */
  readonly candidatePairs: number;
  /** Blocks skipped for holding more than `fuzzy.maxBlockSize` records. */
  readonly oversizedBlocks: number;
  /** Blocking counts in detail (per rule). */
  readonly blocking: BlockingStats;
  /** Links per blocking rule that found the pair (what each rule's candidate pairs are worth). */
  readonly linksByRule: Readonly<Record<string, number>>;
  /** The weight model the links were scored with. */
  readonly model: WeightModel;
  /** The co-resident model estimated on the candidate pairs. */
  readonly coResidents: CoResidentModel;
}

/** Random record pairs compared to measure u (a fixed cost, whatever the run's size). */
const SAMPLE_SIZE = 100_000;
/** Names that agree only crosswise cost 2 bits: a swap is rarer than a faithful copy. */
const SWAP_BITS = -2;

/**
 * Finds fuzzy links between records.
 *
 * @param records - the normalised records, indexed by canonical index
 * @param config - the `fuzzy` config section
 * @param matchers - the matchers to run (default: the configured ones, in registry order)
 * @returns the links and the stage's counts
 */
export function findFuzzyLinks(
  records: readonly MatchRecord[],
  config: FuzzyConfig,
  matchers: readonly FuzzyMatcher[] = FUZZY_MATCHERS.filter((matcher) => config.matchers.includes(matcher.id)),
): FuzzyStageResult {
  const profiles: MatchProfile[] = [];
  for (const record of records) {
    const profile = profileOf(record);
    if (hasFuzzyFields(profile)) profiles.push(profile);
  }
  // Canonical index order, whatever order the caller gave: the u sample and the blocks depend on positions.
  profiles.sort((p, q) => p.index - q.index);
  const thresholds: ComparisonThresholds = { name: config.nameSimilarity, text: config.textSimilarity };
  const model = buildWeightModel(profiles, {
    thresholds,
    duplicatesPerRecord: config.duplicatesPerRecord,
    sampleSize: SAMPLE_SIZE,
    swapBits: SWAP_BITS,
  });
  const context: ScoreContext = { thresholds, model, threshold: config.threshold };
  const immediate = matchers.filter((matcher) => !matcher.needsCoResidents);
  const deferred = matchers.filter((matcher) => matcher.needsCoResidents);
  const links: FuzzyLink[] = [];
  const seen = new Set<number>();
  const rules = matchers.flatMap((matcher) => matcher.blocking);
  const linksByRule: Record<string, number> = Object.fromEntries(rules.map((rule) => [rule.id, 0]));
  const link = (x: number, y: number, rule: number, c: Comparison, matcher: FuzzyMatcher, scoring: ScoreContext) => {
    const a = profiles[x]!;
    const b = profiles[y]!;
    const score = weigh(matcher, a, b, c, scoring);
    // A pair sharing keys of several multi-valued rules can come twice; it is linked once.
    if (score === null || seen.has(x * profiles.length + y)) return;
    seen.add(x * profiles.length + y);
    linksByRule[rules[rule]!.id]!++;
    links.push({
      a: Math.min(a.index, b.index),
      b: Math.max(a.index, b.index),
      weight: score.weight,
      matcher: matcher.id,
      evidence: score.evidence,
      weighed: { firstNames: a.first !== null && b.first !== null, birthDates: a.birthDate !== null && b.birthDate !== null },
    });
  };

  // Pass 1: every candidate pair is compared, counted for the co-resident model, and scored by
  // the first matcher that accepts it; pairs only a deferred matcher accepts wait for pass 2.
  const tally = new CoResidentTally();
  const waiting: number[] = [];
  const blocking = forEachCandidatePair(profiles, rules, config.maxBlockSize, (x, y, rule) => {
    if (!hasAnchor(profiles[x]!, profiles[y]!, thresholds)) return;
    const c = compareProfiles(profiles[x]!, profiles[y]!, thresholds);
    tally.add(c);
    const matcher = immediate.find((candidate) => candidate.accepts(c));
    if (matcher !== undefined) link(x, y, rule, c, matcher, context);
    else if (deferred.some((candidate) => candidate.accepts(c))) waiting.push(x, y, rule);
  });

  // Pass 2: the deferred pairs (x, y, rule), with the co-resident model of the whole run.
  const coResidents = tally.estimate();
  const withCoResidents: ScoreContext = { ...context, coResidents };
  for (let index = 0; index < waiting.length; index += 3) {
    const x = waiting[index]!;
    const y = waiting[index + 1]!;
    const c = compareProfiles(profiles[x]!, profiles[y]!, thresholds);
    const matcher = deferred.find((candidate) => candidate.accepts(c));
    if (matcher !== undefined) link(x, y, waiting[index + 2]!, c, matcher, withCoResidents);
  }
  return { links, candidatePairs: blocking.candidatePairs, oversizedBlocks: blocking.oversizedBlocks, blocking, linksByRule, model, coResidents };
}
