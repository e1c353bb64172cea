// The fuzzy matcher contract: blocking rules, the kind of evidence it stands for, and its score.
import type { CoResidentModel } from '../co-residents.js';
import type { KeysOfProfile } from '../blocking-key.js';
import { compareProfiles, type Comparison, type ComparisonThresholds } from '../comparison.js';
import { describeComparison } from '../evidence.js';
import { matchBits, probabilityOf, type WeightModel } from '../match-weight.js';
import type { MatchProfile } from '../profile.js';

/**
 * One blocking rule: records sharing a key are compared. A rule may give a record several keys
 * (one per email, or one per name for swapped names); `null`/absent keys put the record in no block.
 */
export interface BlockingRule {
  /** Unique across matchers, e.g. `name-birthdate/date+initial`. */
  readonly id: string;
  readonly keys: KeysOfProfile;
  /** A tighter block-size limit for a broad rule (see blocking.ts); the run's `fuzzy.maxBlockSize` applies too. */
  readonly maxBlockSize?: number;
}

/** What a score needs besides the two profiles; built once per run. */
export interface ScoreContext {
  readonly thresholds: ComparisonThresholds;
  readonly model: WeightModel;
  /** Minimum weight in (0, 1] for a link. */
  readonly threshold: number;
  /** The run's co-resident model; present once every candidate pair has been counted. */
  readonly coResidents?: CoResidentModel;
}

/** A scored pair: its weight in (0, 1] and the evidence text (no data values). */
export interface FuzzyScore {
  readonly weight: number;
  readonly evidence: string;
}

/**
 * A fuzzy matcher (STYLE.md guideline 2): a pure value. It finds candidates through its
 * blocking rules, accepts the comparisons that are its kind of evidence, and labels them.
 */
export interface FuzzyMatcher {
  readonly id: string;
  readonly kind: 'fuzzy';
  readonly blocking: readonly BlockingRule[];
  /** True when the comparison is this matcher's kind of evidence (its gate; the weight decides the rest). */
  readonly accepts: (c: Comparison) => boolean;
  /** One line a person reads: what the matcher found. */
  readonly label: (c: Comparison) => string;
  /** The weight of an accepted comparison, a probability in (0, 1]. */
  readonly weight: (a: MatchProfile, b: MatchProfile, c: Comparison, context: ScoreContext) => number;
  /** True when the weight needs `context.coResidents`: the stage scores this matcher after counting every candidate. */
  readonly needsCoResidents: boolean;
  /** Compares, gates and weighs a pair: null when it is not this kind of evidence or the weight is below the threshold. */
  readonly score: (a: MatchProfile, b: MatchProfile, context: ScoreContext) => FuzzyScore | null;
}

/** The default weight: the Fellegi–Sunter match probability of the comparison (match-weight.ts). */
export function fellegiSunterWeight(a: MatchProfile, b: MatchProfile, c: Comparison, context: ScoreContext): number {
  return probabilityOf(matchBits(a, b, c, context.model));
}

/**
 * Weighs an accepted comparison.
 * @returns the weight in (0, 1] and the evidence, or null below the threshold
 */
export function weigh(matcher: Pick<FuzzyMatcher, 'label' | 'weight'>, a: MatchProfile, b: MatchProfile, c: Comparison, context: ScoreContext): FuzzyScore | null {
  const weight = matcher.weight(a, b, c, context);
  if (!(weight >= context.threshold)) return null;
  return { weight, evidence: `${matcher.label(c)}: ${describeComparison(c)}` };
}

/**
 * Builds a matcher from its parts; `score` compares, applies the gate and weighs.
 * @param parts - id, blocking rules, gate and label (weight: Fellegi–Sunter unless given)
 * @returns the matcher value
 */
export function defineFuzzyMatcher(
  parts: Omit<FuzzyMatcher, 'kind' | 'score' | 'weight' | 'needsCoResidents'> & Partial<Pick<FuzzyMatcher, 'weight' | 'needsCoResidents'>>,
): FuzzyMatcher {
  const full: Omit<FuzzyMatcher, 'score'> = { weight: fellegiSunterWeight, needsCoResidents: false, ...parts, kind: 'fuzzy' };
  return {
    ...full,
    score: (a, b, context) => {
      const c = compareProfiles(a, b, context.thresholds);
      return full.accepts(c) ? weigh(full, a, b, c, context) : null;
    },
  };
}

/** A name that agrees: exactly or above the similarity threshold. */
export const agrees = (level: Comparison['first']): boolean => level === 'exact' || level === 'similar';

/**
 * The block-size limit of the broad rules (one name code in a postal code, a name pair, an email
 * half): larger blocks are namesakes and neighbours. Measured on 200k generated records, these
 * rules' pairs linked at 0.1–2 % against 30–60 % for the narrow ones.
 */
export const BROAD_BLOCK = 25;
