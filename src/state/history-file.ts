// Reads id_history.csv back into history entries (writing is the run writer's job, src/output/).
import { isCustomerId, isIdEvent, type CustomerId, type IdHistoryEntry } from '../ids/index.js';
import { HEADERS } from '../output/run-files.js';
import { readRunCsv } from './csv-rows.js';

/**
 * Reads a run's id_history.csv.
 * @param path the file
 * @param onInvalid builds the error for a defect (names the file and line, never a value)
 * @returns the entries in file order
 */
export async function readIdHistory(path: string, onInvalid: (what: string) => Error): Promise<IdHistoryEntry[]> {
  const entries: IdHistoryEntry[] = [];
  let line = 1;
  for await (const [oldId = '', newId = '', event = '', at = ''] of readRunCsv(path, HEADERS.idHistory, onInvalid)) {
    line++;
    if (!isCustomerId(oldId) || !isIdEvent(event) || at === '') throw onInvalid(`id_history.csv line ${line}: not an ID history row`);
    if (event === 'erased') {
      if (newId !== '') throw onInvalid(`id_history.csv line ${line}: an erased ID has no successor`);
      entries.push({ oldId, newId: null, event, at });
    } else {
      if (!isCustomerId(newId)) throw onInvalid(`id_history.csv line ${line}: new_id is not a customer ID`);
      entries.push({ oldId, newId: newId as CustomerId, event, at });
    }
  }
  return entries;
}

/** The row id_history.csv holds for an entry (new_id empty when erased). */
export function historyRow(entry: IdHistoryEntry): { oldId: string; newId: string; event: IdHistoryEntry['event']; at: string } {
  return { oldId: entry.oldId, newId: entry.newId ?? '', event: entry.event, at: entry.at };
}
