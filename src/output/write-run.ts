// Writes every file of a run directory from a resolution result, atomically.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Rejection } from '../input/index.js';
import type { ResolutionResult } from '../resolve/index.js';
import { writeDirectoryAtomically } from './atomic-directory.js';
import { writeCsv, type CsvCell } from './csv-file.js';
import { renderReportText, type RunReport } from './report.js';
import { HEADERS, RUN_FILES, type RunManifest } from './run-files.js';

export interface IdHistoryRow {
  readonly oldId: string;
  readonly newId: string;
  readonly event: 'merged' | 'split' | 'erased';
  readonly at: string;
}

export interface RunContents {
  readonly manifest: RunManifest;
  readonly result: ResolutionResult;
  /** Row-level rejections from the reader followed by the engine's value-level ones. */
  readonly rejections: readonly Rejection[];
  readonly idHistory: readonly IdHistoryRow[];
  readonly report: RunReport;
  /**
   * Further files of the run (query index, state, report.html), each written into the staging
   * directory, concurrently with the CSV files; `runFilesWritten` settles when those are complete.
   */
  readonly extraWriters?: readonly ((stagingDir: string, runFilesWritten: Promise<void>) => Promise<void>)[];
}

/** Rows made one at a time while a file is written, so no file's rows are all in memory at once. */
function* rowsOf<T>(items: readonly T[], row: (item: T) => readonly CsvCell[]): Iterable<readonly CsvCell[]> {
  for (const item of items) yield row(item);
}

/** Waits for every write (none left running into a staging directory being removed), then throws the first failure. */
async function allSettledOrThrow(writes: readonly Promise<unknown>[]): Promise<void> {
  const outcomes = await Promise.allSettled(writes);
  const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
}

/** Writes the run directory `dir` (replacing a previous run there only once everything is written). */
export async function writeRun(dir: string, contents: RunContents): Promise<void> {
  const { result } = contents;
  await writeDirectoryAtomically(dir, async (staging) => {
    const at = (name: string) => join(staging, name);
    // The files are independent: written concurrently, so one file's fsync and the index's and
    // state's compression (on libuv's thread pool) overlap the formatting of the others.
    const runFilesWritten = allSettledOrThrow([
      writeCsv(at(RUN_FILES.records), HEADERS.records, rowsOf(result.records, (r) => [r.recordId, r.source, r.customerId])),
      writeCsv(at(RUN_FILES.identifiers), HEADERS.identifiers, rowsOf(result.identifiers, (i) => [i.type, i.value, i.customerId, i.records])),
      writeCsv(
        at(RUN_FILES.customers),
        HEADERS.customers,
        rowsOf(result.customers, (c) => [c.id, c.permissionLevel, c.records, c.identifiers, c.sources.join(';')]),
      ),
      writeCsv(at(RUN_FILES.links), HEADERS.links, rowsOf(result.links, (l) => [l.from, l.to, l.matcher, l.weight, l.evidence])),
      writeCsv(
        at(RUN_FILES.refused),
        HEADERS.refused,
        rowsOf(result.refused, (r) => [r.from, r.to, r.rule, r.detail, r.matcher, r.weight, r.fromCustomer, r.toCustomer]),
      ),
      writeCsv(
        at(RUN_FILES.rejected),
        HEADERS.rejected,
        rowsOf(contents.rejections, (r) => [r.file, r.line, r.recordId, r.level, r.code, r.field, r.detail]),
      ),
      writeCsv(at(RUN_FILES.idHistory), HEADERS.idHistory, rowsOf(contents.idHistory, (h) => [h.oldId, h.newId, h.event, h.at])),
      writeFile(at(RUN_FILES.reportJson), `${JSON.stringify(contents.report, null, 2)}\n`, { flush: true }),
      writeFile(at(RUN_FILES.reportText), `${renderReportText(contents.report)}\n`, { flush: true }),
    ]);
    await allSettledOrThrow([runFilesWritten, ...(contents.extraWriters ?? []).map((writeExtra) => writeExtra(staging, runFilesWritten))]);
    // run.json last: a directory without it is never taken for a complete run.
    await writeFile(at(RUN_FILES.manifest), `${JSON.stringify(contents.manifest, null, 2)}\n`, { flush: true });
  });
}
