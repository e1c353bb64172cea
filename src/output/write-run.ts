// Writes every file of a run directory from a resolution result, atomically.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Rejection } from '../input/index.js';
import type { ResolutionResult } from '../resolve/index.js';
import { writeDirectoryAtomically } from './atomic-directory.js';
import { writeCsv } from './csv-file.js';
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
  /** Further files of the run (query index, state, report.html), each written into the staging directory. */
  readonly extraWriters?: readonly ((stagingDir: string) => Promise<void>)[];
}

/** Writes the run directory `dir` (replacing a previous run there only once everything is written). */
export async function writeRun(dir: string, contents: RunContents): Promise<void> {
  const { result } = contents;
  await writeDirectoryAtomically(dir, async (staging) => {
    const at = (name: string) => join(staging, name);
    await writeCsv(at(RUN_FILES.records), HEADERS.records, result.records.map((r) => [r.recordId, r.source, r.customerId]));
    await writeCsv(at(RUN_FILES.identifiers), HEADERS.identifiers, result.identifiers.map((i) => [i.type, i.value, i.customerId, i.records]));
    await writeCsv(
      at(RUN_FILES.customers),
      HEADERS.customers,
      result.customers.map((c) => [c.id, c.permissionLevel, c.records, c.identifiers, c.sources.join(';')]),
    );
    await writeCsv(at(RUN_FILES.links), HEADERS.links, result.links.map((l) => [l.from, l.to, l.matcher, l.weight, l.evidence]));
    await writeCsv(
      at(RUN_FILES.refused),
      HEADERS.refused,
      result.refused.map((r) => [r.from, r.to, r.rule, r.detail, r.matcher, r.weight, r.fromCustomer, r.toCustomer]),
    );
    await writeCsv(
      at(RUN_FILES.rejected),
      HEADERS.rejected,
      contents.rejections.map((r) => [r.file, r.line, r.recordId, r.level, r.code, r.field, r.detail]),
    );
    await writeCsv(at(RUN_FILES.idHistory), HEADERS.idHistory, contents.idHistory.map((h) => [h.oldId, h.newId, h.event, h.at]));
    await writeFile(at(RUN_FILES.reportJson), `${JSON.stringify(contents.report, null, 2)}\n`, { flush: true });
    await writeFile(at(RUN_FILES.reportText), `${renderReportText(contents.report)}\n`, { flush: true });
    for (const writeExtra of contents.extraWriters ?? []) await writeExtra(staging);
    // run.json last: a directory without it is never taken for a complete run.
    await writeFile(at(RUN_FILES.manifest), `${JSON.stringify(contents.manifest, null, 2)}\n`, { flush: true });
  });
}
