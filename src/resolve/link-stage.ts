// Stage 3 of the engine: every link applied strongest first under the consent, limit and conflict rules.
import type { ConsentMode, LimitsConfig } from '../config/index.js';
import type { IdentifierType } from '../identifiers/index.js';
import type { FuzzyLink } from '../matchers/index.js';
import { flatCopy } from '../memory/flat-string.js';
import { ComponentStates } from './component-state.js';
import type { NormalisedInput } from './normalise-stage.js';
import type { LimitName } from './result.js';
import { checkConsent, checkLimits, checkNegativeEvidence, type RuleOutcome } from './rules/index.js';
import { UnionFind } from './union-find.js';

/** A link a rule refused: the two nodes, the fuzzy link (null for a record–identifier link), why. */
export interface PendingRefusal {
  readonly from: number;
  readonly to: number;
  readonly link: FuzzyLink | null;
  readonly outcome: RuleOutcome & { allowed: false };
  /** Which limit refused it, for a limit refusal. */
  readonly limit: LimitName | null;
}

/** The graph after stage 3. Nodes: records 0..recordCount-1, then identifier nodes by rank. */
export interface LinkedGraph {
  readonly sets: UnionFind;
  readonly state: ComponentStates;
  /** The applied links, in application order: node pairs, and the fuzzy link (null for a record–identifier link). */
  readonly appliedFrom: readonly number[];
  readonly appliedTo: readonly number[];
  readonly appliedFuzzy: readonly (FuzzyLink | null)[];
  /** Refusals that stood after the second chance (their sides may still have been joined through other links). */
  readonly refusals: readonly PendingRefusal[];
}

type Refused = RuleOutcome & { allowed: false };

/**
 * One outcome per distinct refusal (rule and detail), shared by every refusal that has it.
 * NOTE: a rule writes its detail anew for each refusal, as a rope of its parts; at 310k records
 * ~160k standing refusals had 39 distinct details, and their ropes were ~8 ropes a refusal.
 */
class RefusalOutcomes {
  private readonly byRule = new Map<Refused['rule'], Map<string, Refused>>();

  of(outcome: Refused): Refused {
    let byDetail = this.byRule.get(outcome.rule);
    if (byDetail === undefined) this.byRule.set(outcome.rule, (byDetail = new Map()));
    let shared = byDetail.get(outcome.detail);
    if (shared === undefined) {
      shared = { allowed: false, rule: outcome.rule, detail: flatCopy(outcome.detail) };
      byDetail.set(shared.detail, shared);
    }
    return shared;
  }
}

/** The rule switches of a run. */
export interface LinkRules {
  readonly consent: ConsentMode;
  readonly limits: LimitsConfig;
  readonly negativeEvidence: boolean;
}

/**
 * Applies the record–identifier links (identifier order) and then the fuzzy links (in the order
 * given: strongest first), each only when the rules allow joining the two components; a refused
 * link gets one more chance after all others, in the same order.
 *
 * @param input - the normalised records and identifier nodes
 * @param fuzzyLinks - the fuzzy links, sorted by compareFuzzyLinks
 * @param rules - consent mode, limits, negative evidence on or off
 */
export function linkStage(input: NormalisedInput, fuzzyLinks: readonly FuzzyLink[], rules: LinkRules): LinkedGraph {
  const { records, matchRecords, identifierNodes } = input;
  const recordCount = records.length;
  const nodeCount = recordCount + identifierNodes.length;
  const sets = new UnionFind(nodeCount);
  const state = new ComponentStates(nodeCount);
  for (let index = 0; index < recordCount; index++) {
    const match = matchRecords[index]!;
    state.initRecord(index, records[index]!, match.firstName, match.birthDate);
  }
  identifierNodes.forEach((node, rank) => state.initIdentifier(recordCount + rank, node.type));

  const appliedFrom: number[] = [];
  const appliedTo: number[] = [];
  const appliedFuzzy: (FuzzyLink | null)[] = [];
  const refusals: PendingRefusal[] = [];
  const outcomes = new RefusalOutcomes();

  const side = (root: number) => ({
    domains: state.domains[root]!,
    cookie: state.cookie(root),
    crm: state.crm(root),
    records: state.records[root]!,
    identifierCount: (type: IdentifierType) => state.identifierCount(root, type),
    firstNames: state.firstNames[root],
    birthDates: state.birthDates[root],
  });

  const apply = (from: number, to: number, link: FuzzyLink | null) => {
    const rootA = sets.find(from);
    const rootB = sets.find(to);
    if (rootA !== rootB) {
      const a = side(rootA);
      const b = side(rootB);
      let outcome: RuleOutcome = { allowed: true };
      if (a.records > 0 && b.records > 0) {
        outcome = checkConsent(a, b, rules.consent);
        if (outcome.allowed) outcome = checkLimits(a, b, rules.limits);
        if (outcome.allowed && rules.negativeEvidence) outcome = checkNegativeEvidence(a, b, link?.weighed);
      } else {
        outcome = checkLimits(a, b, rules.limits);
      }
      if (!outcome.allowed) {
        // Which limit refused it: the identifier limits are checked first, so without them it was the record limit.
        const limit = outcome.rule !== 'limit' ? null
          : checkLimits(a, b, { ...rules.limits, recordsPerCustomer: Infinity }).allowed ? 'recordsPerCustomer' : 'identifiersPerType';
        refusals.push({ from, to, link, outcome: outcomes.of(outcome), limit });
        return;
      }
      const winner = sets.unionRoots(rootA, rootB);
      state.merge(winner, winner === rootA ? rootB : rootA);
    }
    appliedFrom.push(from);
    appliedTo.push(to);
    appliedFuzzy.push(link);
  };

  identifierNodes.forEach((node, rank) => {
    if (node.junk !== null) return;
    for (const recordIndex of node.records) apply(recordIndex, recordCount + rank, null);
  });
  for (const link of fuzzyLinks) apply(link.a, link.b, link);
  // A refusal can stop being one once other merges changed a side (a later grant joined it):
  // give every refused link one more chance, in the same canonical order.
  const firstPass = refusals.splice(0, refusals.length);
  for (const { from, to, link } of firstPass) apply(from, to, link);
  return { sets, state, appliedFrom, appliedTo, appliedFuzzy, refusals };
}
