// The records of an incremental run: the previous run's records plus the new input, newer rows replacing older.
import type { InputRecord } from '../input/index.js';
import type { StateRecord } from './state-record.js';

export interface CarriedRecords {
  /** Previous records not replaced, then the input's records. */
  readonly records: readonly InputRecord[];
  /** Previous records taken into this run unchanged. */
  readonly carried: number;
  /** Previous records replaced by an input row with the same source and record_id (updates). */
  readonly replaced: number;
}

/**
 * Joins the previous run's records and this run's input. An input row with the same source and
 * record_id as a previous record replaces it, whatever the timestamps: the input is the newer
 * export of that row (a changed consent, a new email).
 * @param previous the previous state's records (empty without --previous)
 * @param input this run's records (already one per source + record_id, see read-inputs.ts)
 */
export function carryRecords(previous: readonly StateRecord[], input: readonly InputRecord[]): CarriedRecords {
  if (previous.length === 0) return { records: input, carried: 0, replaced: 0 };
  const incoming = new Set<string>();
  for (const record of input) incoming.add(`${record.source}\u0000${record.recordId}`);
  const records: InputRecord[] = [];
  let replaced = 0;
  for (const { record } of previous) {
    if (incoming.has(`${record.source}\u0000${record.recordId}`)) replaced++;
    else records.push(record);
  }
  const carried = records.length;
  for (const record of input) records.push(record);
  return { records, carried, replaced };
}
