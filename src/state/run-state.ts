// Builds and writes the state of the run being written: its records with their published IDs.
import type { IdAssignment } from '../ids/index.js';
import type { InputRecord } from '../input/index.js';
import { canonicalRecordOrder, type ResolutionResult } from '../resolve/index.js';
import { pseudonymiseRecord, type StatePseudonymiser } from './pseudonymise-record.js';
import { writeState } from './write-state.js';

export interface RunStateInput {
  readonly createdAt: string;
  /** The records the engine resolved (carried and new). */
  readonly records: readonly InputRecord[];
  /** The result under published IDs (see remap-result.ts). */
  readonly result: ResolutionResult;
  readonly assignment: Pick<IdAssignment, 'firstSeen'>;
  /** Set for a --pseudonymise run: the state then holds marked pseudonyms, never raw identifiers. */
  readonly pseudonymiser: StatePseudonymiser | null;
  readonly keyCheck: string | null;
}

/**
 * Writes `state/` into the run's staging directory (a writeRun extra writer).
 * @throws Error when the records and the result disagree (a bug, reported as an internal error)
 */
export async function writeRunState(stagingDir: string, input: RunStateInput): Promise<void> {
  const ordered = canonicalRecordOrder(input.records);
  const resolved = input.result.records;
  if (ordered.length !== resolved.length) throw new Error('writeRunState: record count differs from the result');
  const { pseudonymiser } = input;
  function* pairs() {
    for (let index = 0; index < ordered.length; index++) {
      const record = ordered[index]!;
      const published = resolved[index]!;
      if (record.recordId !== published.recordId || record.source !== published.source) throw new Error('writeRunState: record order differs from the result');
      yield { record: pseudonymiser === null ? record : pseudonymiseRecord(record, pseudonymiser), customerId: published.customerId };
    }
  }
  await writeState(stagingDir, {
    createdAt: input.createdAt,
    records: pairs(),
    customers: input.result.customers.map((customer) => ({
      id: customer.id,
      records: customer.records,
      firstSeen: input.assignment.firstSeen.get(customer.id) ?? input.createdAt,
    })),
    pseudonymised: pseudonymiser !== null,
    keyCheck: input.keyCheck,
  });
}
