// The fuzzy stage: profiles, weight model, blocking, co-resident model, and one scored link per accepted candidate pair.
import type { FuzzyConfig } from '../../config/index.js';
import { forEachCandidatePair, type BlockingStats } from '../blocking.js';
import { CoResidentTally, type CoResidentModel } from '../co-residents.js';
import { compareProfiles, type ComparisonThresholds } from '../comparison.js';
import type { FuzzyLink, MatchRecord } from '../match-record.js';
import type { WeightModel } from '../match-weight.js';
import { StringPool } from '../../memory/flat-string.js';
import { hasFuzzyFields, profileOf, type MatchProfile } from '../profile.js';
import { buildWeightModel } from '../weight-model.js';
import type { BlockingRule, FuzzyMatcher, ScoreContext } from './matcher.js';
import { firstAccepting, PairScorer, scoredLink, type PassOneResult, type ScoringPlan } from './pair-scorer.js';
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
  /** Candidate pairs scored on a worker thread (find-links-parallel.ts); 0 on one thread. */
  readonly pairsScoredByWorker: number;
}

/** Random record pairs compared to measure u (a fixed cost, whatever the run's size). */
const SAMPLE_SIZE = 100_000;
/** Names that agree only crosswise cost 2 bits: a swap is rarer than a faithful copy. */
const SWAP_BITS = -2;

/** Everything both passes need, computed once on the calling thread. */
export interface FuzzyPlan extends ScoringPlan {
  /** Every matcher's blocking rules, in matcher order; rule indices point into this list. */
  readonly rules: readonly BlockingRule[];
  readonly model: WeightModel;
  readonly maxBlockSize: number;
}

/** The matchers a config turns on, in registry order. */
export function configuredMatchers(config: Pick<FuzzyConfig, 'matchers'>): FuzzyMatcher[] {
  return FUZZY_MATCHERS.filter((matcher) => config.matchers.includes(matcher.id));
}

/**
 * The profiles of the records that have something to compare, in canonical index order.
 * @param records - the normalised records, indexed by canonical index
 */
export function fuzzyProfiles(records: readonly MatchRecord[]): MatchProfile[] {
  const profiles: MatchProfile[] = [];
  for (const record of records) {
    const profile = profileOf(record);
    if (hasFuzzyFields(profile)) profiles.push(profile);
  }
  // Canonical index order, whatever order the caller gave: the u sample and the blocks depend on positions.
  profiles.sort((p, q) => p.index - q.index);
  return profiles;
}

/** The similarity thresholds of a `fuzzy` config section. */
export const thresholdsOf = (config: Pick<FuzzyConfig, 'nameSimilarity' | 'textSimilarity'>): ComparisonThresholds => ({
  name: config.nameSimilarity,
  text: config.textSimilarity,
});

/**
 * Estimates the weight model of profiles (from fuzzyProfiles) and plans the stage.
 *
 * @param profiles - the profiles, in canonical index order
 * @param config - the `fuzzy` config section
 * @param matchers - the matchers to run
 */
export function planFromProfiles(profiles: MatchProfile[], config: FuzzyConfig, matchers: readonly FuzzyMatcher[]): FuzzyPlan {
  const thresholds = thresholdsOf(config);
  const model = buildWeightModel(profiles, {
    thresholds,
    duplicatesPerRecord: config.duplicatesPerRecord,
    sampleSize: SAMPLE_SIZE,
    swapBits: SWAP_BITS,
  });
  return {
    profiles,
    thresholds,
    model,
    context: { thresholds, model, threshold: config.threshold },
    immediate: matchers.filter((matcher) => !matcher.needsCoResidents),
    deferred: matchers.filter((matcher) => matcher.needsCoResidents),
    rules: matchers.flatMap((matcher) => matcher.blocking),
    maxBlockSize: config.maxBlockSize,
  };
}

/**
 * Profiles the records and estimates the weight model.
 *
 * @param records - the normalised records, indexed by canonical index
 * @param config - the `fuzzy` config section
 * @param matchers - the matchers to run
 */
export function planFuzzyStage(records: readonly MatchRecord[], config: FuzzyConfig, matchers: readonly FuzzyMatcher[]): FuzzyPlan {
  return planFromProfiles(fuzzyProfiles(records), config, matchers);
}

/** The four values of FuzzyLink.weighed, shared by every link. */
const WEIGHED = [false, true].flatMap((firstNames) => [false, true].map((birthDates) => ({ firstNames, birthDates }) as const));
const sharedWeighed = (weighed: FuzzyLink['weighed']): FuzzyLink['weighed'] => WEIGHED[(weighed.firstNames ? 2 : 0) + (weighed.birthDates ? 1 : 0)]!;

/**
 * The link as the run keeps it until the end: its matcher, evidence and weighed fields one shared
 * instance each.
 * NOTE: the links live from here to the end of the engine, and each came with its own strings (a
 * rope of evidence on this thread, copies from the worker) and weighed object: at 310k records
 * ~210k links had ~4,600 distinct evidence texts.
 */
const keptLink = (link: FuzzyLink, texts: StringPool): FuzzyLink => ({
  a: link.a,
  b: link.b,
  weight: link.weight,
  matcher: texts.of(link.matcher),
  evidence: texts.of(link.evidence),
  weighed: sharedWeighed(link.weighed),
});

/**
 * Pass 2 and the totals: the shares of pass 1 (disjoint pair sets, in any number) are summed, the
 * co-resident model is estimated on all of them, and the waiting pairs are scored with it.
 *
 * @param plan - the stage's plan
 * @param shares - what pass 1 found, per share of the pairs
 * @param blocking - the blocking counts of the one enumeration of candidate pairs
 * @param pairsScoredByWorker - how many of the pairs a worker thread scored
 */
export function finishFuzzyStage(plan: FuzzyPlan, shares: readonly PassOneResult[], blocking: BlockingStats, pairsScoredByWorker = 0): FuzzyStageResult {
  const { profiles, thresholds, deferred, rules } = plan;
  const links: FuzzyLink[] = [];
  const texts = new StringPool();
  const linksByRule = new Array<number>(rules.length).fill(0);
  for (const share of shares) {
    for (const link of share.links) links.push(keptLink(link, texts));
    share.linksByRule.forEach((count, rule) => (linksByRule[rule]! += count));
  }
  const coResidents = CoResidentTally.sum(shares.map((share) => share.coResidents)).estimate();
  const withCoResidents: ScoreContext = { ...plan.context, coResidents };
  for (const { waiting } of shares) {
    for (let index = 0; index < waiting.length; index += 3) {
      const a = profiles[waiting[index]!]!;
      const b = profiles[waiting[index + 1]!]!;
      const c = compareProfiles(a, b, thresholds);
      const matcher = firstAccepting(deferred, c);
      const link = matcher === null ? null : scoredLink(matcher, a, b, c, withCoResidents);
      if (link === null) continue;
      links.push(keptLink(link, texts));
      linksByRule[waiting[index + 2]!]!++;
    }
  }
  return {
    links,
    candidatePairs: blocking.candidatePairs,
    oversizedBlocks: blocking.oversizedBlocks,
    blocking,
    linksByRule: Object.fromEntries(rules.map((rule, index) => [rule.id, linksByRule[index]!])),
    model: plan.model,
    coResidents,
    pairsScoredByWorker,
  };
}

/**
 * Finds fuzzy links between records, on this thread (find-links-parallel.ts shares the pairs with a
 * worker thread and finds the same links).
 *
 * @param records - the normalised records, indexed by canonical index
 * @param config - the `fuzzy` config section
 * @param matchers - the matchers to run (default: the configured ones, in registry order)
 * @returns the links and the stage's counts
 */
export function findFuzzyLinks(
  records: readonly MatchRecord[],
  config: FuzzyConfig,
  matchers: readonly FuzzyMatcher[] = configuredMatchers(config),
): FuzzyStageResult {
  return scoreOnOneThread(planFuzzyStage(records, config, matchers));
}

/** Enumerates the plan's candidate pairs and scores them on this thread. */
export function scoreOnOneThread(plan: FuzzyPlan): FuzzyStageResult {
  const scorer = new PairScorer(plan, plan.rules.length);
  const blocking = forEachCandidatePair(plan.profiles, plan.rules, plan.maxBlockSize, (x, y, rule) => scorer.visit(x, y, rule));
  return finishFuzzyStage(plan, [scorer.result()], blocking);
}
