// DESIGN.md rule 2: over-merge limits on identifiers per type and records per customer.
import type { LimitsConfig } from '../../config/index.js';
import { IDENTIFIER_TYPES, type IdentifierType } from '../../identifiers/index.js';
import { ALLOWED, refused, type RuleOutcome } from './rule-outcome.js';

export interface LimitSide {
  readonly records: number;
  readonly identifierCount: (type: IdentifierType) => number;
}

/** Refuses a merge whose result would exceed a per-type identifier limit or the record limit. */
export function checkLimits(a: LimitSide, b: LimitSide, limits: LimitsConfig): RuleOutcome {
  for (const type of IDENTIFIER_TYPES) {
    const total = a.identifierCount(type) + b.identifierCount(type);
    const limit = limits.identifiersPerType[type];
    if (total > limit) return refused('limit', `would hold ${total} ${type} identifiers (limit ${limit})`);
  }
  const records = a.records + b.records;
  if (records > limits.recordsPerCustomer) {
    return refused('limit', `would hold ${records} records (limit ${limits.recordsPerCustomer})`);
  }
  return ALLOWED;
}
