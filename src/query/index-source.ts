// What the query index is built from: the parts of a resolution result that the run files also hold.
import type { AppliedLink, Customer, JunkValue, RefusedMerge, ResolvedIdentifier, ResolvedRecord } from '../resolve/index.js';

/**
 * The rows the index is built from. A ResolutionResult is one (writeQueryIndex); the run's CSV
 * files plus report.json give another (readIndexSource, for rewriteQueryIndex).
 */
export interface IndexSource {
  readonly records: readonly Pick<ResolvedRecord, 'recordId' | 'source' | 'customerId'>[];
  readonly identifiers: readonly Pick<ResolvedIdentifier, 'type' | 'value' | 'customerId' | 'records'>[];
  readonly customers: readonly Customer[];
  readonly links: readonly AppliedLink[];
  readonly refused: readonly RefusedMerge[];
  readonly junk: readonly JunkValue[];
}
