// Writes the state of the run being written: its drafted records completed with their published IDs.
import type { IdAssignment } from '../ids/index.js';
import type { ResolutionResult } from '../resolve/index.js';
import type { StateDraft } from './state-draft.js';
import { writeState } from './write-state.js';

export interface RunStateInput {
  readonly createdAt: string;
  /** The records the engine resolved (carried and new), drafted before resolution (StateDraft.of). */
  readonly draft: StateDraft;
  /** The result under published IDs (see remap-result.ts). */
  readonly result: ResolutionResult;
  readonly assignment: Pick<IdAssignment, 'firstSeen'>;
  readonly keyCheck: string | null;
}

/**
 * Writes `state/` into the run's staging directory (a writeRun extra writer).
 * @throws Error when the draft and the result disagree (a bug, reported as an internal error)
 */
export async function writeRunState(stagingDir: string, input: RunStateInput): Promise<void> {
  await writeState(stagingDir, {
    createdAt: input.createdAt,
    blocks: input.draft.blocks(input.result.records),
    customers: input.result.customers.map((customer) => ({
      id: customer.id,
      records: customer.records,
      firstSeen: input.assignment.firstSeen.get(customer.id) ?? input.createdAt,
    })),
    pseudonymised: input.draft.pseudonymised,
    keyCheck: input.keyCheck,
  });
}
