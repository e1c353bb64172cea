// Builds the run's starting weight model from the data alone: value frequencies and u from random pairs.
import { compareProfiles, type Comparison, type ComparisonThresholds } from './comparison.js';
import { DEFAULT_M, FIELD_LEVELS, FIELDS, type Field, type Frequencies, type LevelTable, type WeightModel } from './match-weight.js';
import type { MatchProfile } from './profile.js';

/** Settings of the model (from the `fuzzy` config). */
export interface WeightModelOptions {
  readonly thresholds: ComparisonThresholds;
  /** Expected further records of the same person per record; sets the starting prior odds. */
  readonly duplicatesPerRecord: number;
  /** Random record pairs compared to measure u. */
  readonly sampleSize: number;
  /** Bits added when names agree only crosswise (negative: a swap is less likely than a copy). */
  readonly swapBits: number;
  readonly m?: LevelTable;
}

/**
 * A small, fast, seedable PRNG (mulberry32).
 * Why not Math.random: it cannot be seeded, and the sample (so the result) must be the same in every run.
 */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Counts the values of one field.
 * @returns value → count, records with a value, and the chance that two random values agree
 */
export function frequencies(profiles: readonly MatchProfile[], value: (p: MatchProfile) => string | null): Frequencies {
  const counts = new Map<string, number>();
  let present = 0;
  for (const profile of profiles) {
    const v = value(profile);
    if (v === null) continue;
    present++;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  let agreement = 0;
  if (present > 0) for (const count of counts.values()) agreement += (count / present) ** 2;
  return { counts, present, agreement };
}

const SEED = 0x1d9a4;

/**
 * Measures u for every field level on randomly sampled pairs of `profiles` (in canonical
 * order, with a fixed seed, so every run draws the same pairs).
 * @returns per field and level the share of sampled pairs (with both values present) at that level
 */
export function sampleU(profiles: readonly MatchProfile[], thresholds: ComparisonThresholds, sampleSize: number): LevelTable {
  const n = profiles.length;
  const counts = Object.fromEntries(FIELDS.map((field) => [field, Object.fromEntries(FIELD_LEVELS[field].map((level) => [level, 0]))])) as Record<Field, Record<string, number>>;
  const present = Object.fromEntries(FIELDS.map((field) => [field, 0])) as Record<Field, number>;
  if (n >= 2) {
    const random = mulberry32(SEED);
    const allPairs = (n * (n - 1)) / 2;
    const draws = Math.min(sampleSize, allPairs);
    for (let draw = 0; draw < draws; draw++) {
      let i: number;
      let j: number;
      if (allPairs <= sampleSize) {
        // Few records: walk every pair once instead of sampling.
        i = Math.floor((1 + Math.sqrt(1 + 8 * draw)) / 2);
        if ((i * (i - 1)) / 2 > draw) i--;
        j = draw - (i * (i - 1)) / 2;
      } else {
        i = Math.floor(random() * n);
        j = Math.floor(random() * (n - 1));
        if (j >= i) j++;
      }
      const c: Comparison = compareProfiles(profiles[i]!, profiles[j]!, thresholds);
      for (const field of FIELDS) {
        const level = c[field];
        if (level === 'missing') continue;
        present[field]++;
        counts[field][level]!++;
      }
    }
  }
  const u = {} as Record<Field, Record<string, number>>;
  for (const field of FIELDS) {
    const levels = FIELD_LEVELS[field];
    const total = present[field];
    // Add-half smoothing: a level never seen in the sample is taken as rarer than one seen once.
    u[field] = Object.fromEntries(levels.map((level) => [level, (counts[field][level]! + 0.5) / (total + 0.5 * levels.length)]));
  }
  return u as unknown as LevelTable;
}

/**
 * log2(m/u) per level, never more for a weaker level than for a stronger one (a level that is
 * rare among random pairs, like an initial, would otherwise outweigh exact agreement).
 */
export function levelBits(m: LevelTable, u: LevelTable): LevelTable {
  const bits = {} as Record<Field, Record<string, number>>;
  for (const field of FIELDS) {
    const mField = m[field] as Readonly<Record<string, number>>;
    const uField = u[field] as Readonly<Record<string, number>>;
    let cap = Infinity;
    bits[field] = Object.fromEntries(
      FIELD_LEVELS[field].map((level) => {
        const value = Math.min(cap, Math.log2(mField[level]! / uField[level]!));
        cap = value;
        return [level, value];
      }),
    );
  }
  return bits as unknown as LevelTable;
}

/**
 * Builds the starting weight model of a run: default m, u from random pairs, prior odds from
 * `duplicatesPerRecord`, and value frequencies.
 *
 * @param profiles - every profile taking part in fuzzy matching, in canonical order
 * @param options - thresholds, prior and sample size
 * @returns the model `matchBits` reads
 */
export function buildWeightModel(profiles: readonly MatchProfile[], options: WeightModelOptions): WeightModel {
  const m = options.m ?? DEFAULT_M;
  const u = sampleU(profiles, options.thresholds, options.sampleSize);
  const n = Math.max(2, profiles.length);
  return {
    priorBits: Math.log2(options.duplicatesPerRecord / (n - 1)),
    bits: levelBits(m, u),
    m,
    u,
    frequencies: {
      first: frequencies(profiles, (p) => p.first),
      last: frequencies(profiles, (p) => p.last),
      birthDate: frequencies(profiles, (p) => p.birthDate),
      street: frequencies(profiles, (p) => p.streetName),
      postalCode: frequencies(profiles, (p) => p.postalCode),
      city: frequencies(profiles, (p) => p.city),
      nationalId: frequencies(profiles, (p) => p.nationalId),
    },
    swapBits: options.swapBits,
  };
}
