// Pass 1 of the fuzzy stage for any share of the candidate pairs: compare, count, score or set aside.
import { hasAnchor } from '../anchors.js';
import { CoResidentTally, type CoResidentCounts } from '../co-residents.js';
import { compareProfiles, type Comparison, type ComparisonThresholds } from '../comparison.js';
import type { FuzzyLink } from '../match-record.js';
import type { MatchProfile } from '../profile.js';
import { weigh, type FuzzyMatcher, type ScoreContext } from './matcher.js';

/** What a scorer needs: the profiles, the matchers split by pass, and the scoring context. */
export interface ScoringPlan {
  readonly profiles: readonly MatchProfile[];
  readonly thresholds: ComparisonThresholds;
  readonly context: ScoreContext;
  /** Matchers scored as pairs arrive, in registry order. */
  readonly immediate: readonly FuzzyMatcher[];
  /** Matchers that need the whole run's co-resident model (pass 2). */
  readonly deferred: readonly FuzzyMatcher[];
}

/**
 * What pass 1 found in its share of the pairs: plain data, so a worker thread can send it back.
 * Shares of disjoint pair sets add up to what one pass over all pairs finds.
 */
export interface PassOneResult {
  readonly links: FuzzyLink[];
  /** Links per blocking rule index. */
  readonly linksByRule: number[];
  readonly coResidents: CoResidentCounts;
  /** Pairs only a deferred matcher accepts, as (x, y, rule) triples. */
  readonly waiting: number[];
}

/** The first matcher that accepts the comparison (a loop: this runs for every candidate pair, ~10M at 1M records). */
export function firstAccepting(matchers: readonly FuzzyMatcher[], c: Comparison): FuzzyMatcher | null {
  for (const matcher of matchers) if (matcher.accepts(c)) return matcher;
  return null;
}

/** Builds the link of an accepted, weighed pair (null below the threshold). */
export function scoredLink(matcher: FuzzyMatcher, a: MatchProfile, b: MatchProfile, c: Comparison, context: ScoreContext): FuzzyLink | null {
  const score = weigh(matcher, a, b, c, context);
  if (score === null) return null;
  return {
    a: Math.min(a.index, b.index),
    b: Math.max(a.index, b.index),
    weight: score.weight,
    matcher: matcher.id,
    evidence: score.evidence,
    weighed: { firstNames: a.first !== null && b.first !== null, birthDates: a.birthDate !== null && b.birthDate !== null },
  };
}

/**
 * Pass 1 over the candidate pairs it is given: every pair with an anchor is compared, counted for
 * the co-resident model, and scored by the first immediate matcher that accepts it; pairs only a
 * deferred matcher accepts wait for pass 2. Each pair must be given once (blocking.ts visits
 * every candidate pair once).
 */
export class PairScorer {
  private readonly links: FuzzyLink[] = [];
  private readonly linksByRule: number[];
  private readonly tally = new CoResidentTally();
  private readonly waiting: number[] = [];

  /**
   * @param plan - profiles, matchers and context
   * @param ruleCount - the number of blocking rules (rule indices are below it)
   */
  constructor(
    private readonly plan: ScoringPlan,
    ruleCount: number,
  ) {
    this.linksByRule = new Array<number>(ruleCount).fill(0);
  }

  /** Scores the candidate pair of profiles `x` and `y` (positions in the plan's profiles) found by blocking rule `rule`. */
  visit(x: number, y: number, rule: number): void {
    const { profiles, thresholds, immediate, deferred, context } = this.plan;
    const a = profiles[x]!;
    const b = profiles[y]!;
    if (!hasAnchor(a, b, thresholds)) return;
    const c = compareProfiles(a, b, thresholds);
    this.tally.add(c);
    const matcher = firstAccepting(immediate, c);
    if (matcher !== null) {
      const link = scoredLink(matcher, a, b, c, context);
      if (link !== null) {
        this.links.push(link);
        this.linksByRule[rule]!++;
      }
    } else if (firstAccepting(deferred, c) !== null) {
      this.waiting.push(x, y, rule);
    }
  }

  /** Scores every (x, y, rule) triple of `pairs` up to `length` entries. */
  visitAll(pairs: Int32Array, length = pairs.length): void {
    for (let index = 0; index < length; index += 3) this.visit(pairs[index]!, pairs[index + 1]!, pairs[index + 2]!);
  }

  /** What this scorer found so far. */
  result(): PassOneResult {
    return { links: this.links, linksByRule: this.linksByRule, coResidents: this.tally.counts(), waiting: this.waiting };
  }
}
