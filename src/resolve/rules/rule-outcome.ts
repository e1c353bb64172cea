// The answer of a resolution rule to a proposed merge.

/** The rules that can refuse a merge. `conflict` is negative evidence (names or birth dates disagree). */
export type RefusalRule = 'consent' | 'limit' | 'conflict' | 'junk';

export type RuleOutcome =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly rule: RefusalRule; readonly detail: string };

export const ALLOWED: RuleOutcome = { allowed: true };

export function refused(rule: RefusalRule, detail: string): RuleOutcome {
  return { allowed: false, rule, detail };
}
