// The engine: records in, customers out. Pure: no files, no environment, no console, no clock
// (resolveInParallel starts a worker thread for the fuzzy stage and is otherwise the same).
import type { Config, ConsentMode } from '../config/index.js';
import type { InputRecord } from '../input/index.js';
import { configuredMatchers, findFuzzyLinks, findFuzzyLinksInParallel, type FuzzyStageResult, type ParallelOptions } from '../matchers/index.js';
import { NO_ELEMENTS } from '../memory/exact-size.js';
import type { NormaliseCaches } from '../normalise/normalise-ahead.js';
import { assembleStage } from './assemble-stage.js';
import { compareFuzzyLinks } from './canonical-order.js';
import { linkStage } from './link-stage.js';
import { normaliseStage, type NormalisedInput, type Pseudonymise } from './normalise-stage.js';
import { RecordsHandOver } from './records-hand-over.js';
import type { ResolutionResult } from './result.js';

export type Stage = 'normalise' | 'match' | 'resolve' | 'assemble';

export interface ResolveOptions {
  readonly config: Config;
  /** Overrides config.consent (the CLI's --consent). */
  readonly consent?: ConsentMode;
  /** Overrides config.fuzzy.enabled (the CLI's --no-fuzzy). */
  readonly fuzzy?: boolean;
  /** Replaces a normalised identifier value by its pseudonym before it enters the graph. */
  readonly pseudonymise?: Pseudonymise;
  /** Called when a stage ends, with its name; lets the caller time stages without the engine reading a clock. */
  readonly onStage?: (stage: Stage) => void;
  /** Phones and emails normalised before (normaliseAhead), taken over by stage 1; the result is the same without. */
  readonly normalisedAhead?: NormaliseCaches;
}

/** Stage 1 (the only reader of the input records themselves), then whether stage 2 runs. */
function begin(input: readonly InputRecord[] | RecordsHandOver, options: ResolveOptions): { normalised: NormalisedInput; fuzzy: boolean } {
  const normalised = normaliseStage(input instanceof RecordsHandOver ? input.take() : input, options.config, options.pseudonymise, options.normalisedAhead);
  options.onStage?.('normalise');
  return { normalised, fuzzy: options.fuzzy ?? options.config.fuzzy.enabled };
}

/** Stages 3 and 4, from stage 2's result (null with fuzzy matching off). */
function finish(normalised: NormalisedInput, fuzzyStage: FuzzyStageResult | null, options: ResolveOptions): ResolutionResult {
  const { config } = options;
  const fuzzyLinks = [...(fuzzyStage?.links ?? [])].sort(compareFuzzyLinks);
  options.onStage?.('match');
  const graph = linkStage(normalised, fuzzyLinks, {
    consent: options.consent ?? config.consent,
    limits: config.limits,
    negativeEvidence: config.negativeEvidence.enabled,
  });
  // Stage 3 was the last reader of the match records (see NormalisedInput.matchRecords).
  normalised.matchRecords = NO_ELEMENTS;
  options.onStage?.('resolve');
  const result = assembleStage(normalised, fuzzyStage, fuzzyLinks, graph);
  options.onStage?.('assemble');
  return result;
}

/**
 * Resolves records into customers, on this thread.
 *
 * @param input records in any order (their order does not change the result); handed over
 *   (RecordsHandOver), they are freed after stage 1 when the caller keeps no other reference
 * @param options configuration and run switches
 * @returns every record with its customer, the identifiers, customers, applied links,
 *   refused merges and value-level rejections
 * @example
 * const result = resolve(records, { config: DEFAULT_CONFIG, consent: 'enforce' });
 * result.records[0].customerId; // 'cus_…'
 */
export function resolve(input: readonly InputRecord[] | RecordsHandOver, options: ResolveOptions): ResolutionResult {
  const { normalised, fuzzy } = begin(input, options);
  return finish(normalised, fuzzy ? findFuzzyLinks(normalised.matchRecords, options.config.fuzzy) : null, options);
}

/**
 * Resolves records into customers like `resolve`, scoring the fuzzy candidate pairs on a worker
 * thread as well (the second core; findFuzzyLinksInParallel). Same input, same result.
 *
 * @param input records in any order, or handed over (see resolve)
 * @param options configuration and run switches
 * @param parallel when the worker is worth starting (default: from findFuzzyLinksInParallel's minimum size on)
 * @throws Error when the worker thread fails
 */
export async function resolveInParallel(input: readonly InputRecord[] | RecordsHandOver, options: ResolveOptions, parallel: ParallelOptions = {}): Promise<ResolutionResult> {
  const { normalised, fuzzy } = begin(input, options);
  const { fuzzy: config } = options.config;
  return finish(normalised, fuzzy ? await findFuzzyLinksInParallel(normalised.matchRecords, config, configuredMatchers(config), parallel) : null, options);
}
