// Reads every input file of a run into records plus rejections, accounting for every row.
import { access, constants, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Config } from '../config/index.js';
import { errors } from '../errors/index.js';
import { planColumns, type ColumnPlan } from './column-plan.js';
import { readCsv, type RawRow } from './csv-reader.js';
import type { InputRecord } from './input-record.js';
import { isRejection, mapRow } from './map-row.js';
import { readNdjson } from './ndjson-reader.js';
import type { Rejection } from './rejection.js';

export interface FileSummary {
  readonly file: string;
  readonly rows: number;
  readonly rejected: number;
}

export interface InputBatch {
  readonly records: readonly InputRecord[];
  /** Row-level rejections (value-level ones come from the engine). */
  readonly rejections: readonly Rejection[];
  readonly rowsRead: number;
  readonly files: readonly FileSummary[];
  /** True when at least one file has a cookie_permission or crm_permission column. */
  readonly consentColumnsSeen: boolean;
}

export interface ReadOptions {
  /** Called with (bytes read, total bytes) as files are read. */
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
}

type Format = 'csv' | 'ndjson';

function formatOf(path: string): Format {
  const extension = extname(path).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (extension === '.ndjson' || extension === '.jsonl') return 'ndjson';
  throw errors.inputFormat(path);
}

/** Checks every path before anything is read, so a bad path fails the run before any work. */
async function checkFiles(paths: readonly string[]): Promise<number[]> {
  const sizes: number[] = [];
  for (const path of paths) {
    formatOf(path);
    try {
      const info = await stat(path);
      if (!info.isFile()) throw errors.inputUnreadable(path, 'not a regular file');
      sizes.push(info.size);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw errors.inputNotFound(path);
      if (error instanceof Error && error.name === 'IdgraphError') throw error;
      throw errors.inputUnreadable(path, (error as NodeJS.ErrnoException).code ?? 'unknown error');
    }
    try {
      await access(path, constants.R_OK);
    } catch {
      throw errors.inputUnreadable(path, 'permission denied');
    }
  }
  return sizes;
}

/** Among records with the same source and record_id, the one kept: latest timestamp, then content order. */
function preferred(a: InputRecord, b: InputRecord): InputRecord {
  const ta = a.timestamp ?? -Infinity;
  const tb = b.timestamp ?? -Infinity;
  if (ta !== tb) return ta > tb ? a : b;
  const ka = JSON.stringify([a.identifiers, a.attributes, a.cookiePermission, a.crmPermission, a.domain]);
  const kb = JSON.stringify([b.identifiers, b.attributes, b.cookiePermission, b.crmPermission, b.domain]);
  if (ka !== kb) return ka < kb ? a : b;
  return a.file < b.file || (a.file === b.file && a.line <= b.line) ? a : b;
}

/**
 * Reads all inputs. Row problems become rejections; run-level problems throw.
 * Of several rows with the same source and record_id, one is kept (latest timestamp, then a
 * fixed content order, so the choice does not depend on row order) and the others are rejected.
 * @throws IdgraphError INPUT_NOT_FOUND, INPUT_UNREADABLE, SOURCE_WITHOUT_DOMAIN, USAGE
 */
export async function readInputs(paths: readonly string[], config: Config, options: ReadOptions = {}): Promise<InputBatch> {
  const sizes = await checkFiles(paths);
  const totalBytes = sizes.reduce((sum, size) => sum + size, 0);
  let bytesBefore = 0;

  const records: InputRecord[] = [];
  const rejections: Rejection[] = [];
  const byKey = new Map<string, number>();
  const files: FileSummary[] = [];
  let rowsRead = 0;
  let consentColumnsSeen = false;
  const maxRecordSize = Math.max(config.limits.maxFieldLength * 4, 1 << 16);

  for (const [fileIndex, path] of paths.entries()) {
    const defaultSource = basename(path, extname(path));
    const onBytes = options.onProgress
      ? (bytes: number) => options.onProgress!(bytesBefore + bytes, totalBytes)
      : undefined;
    const rows: AsyncGenerator<RawRow> =
      formatOf(path) === 'csv' ? readCsv(path, maxRecordSize, onBytes) : readNdjson(path, maxRecordSize, onBytes);
    let plan: ColumnPlan | null = null;
    let fileRows = 0;
    const rejectRow = (rejection: Rejection) => rejections.push(rejection);
    try {
      for await (const row of rows) {
        if (row.kind === 'header') {
          plan = planColumns(row.values, config);
          consentColumnsSeen ||= plan.hasConsent;
          continue;
        }
        fileRows++;
        if (row.kind === 'malformed' || plan === null) {
          const detail = row.kind === 'malformed' ? row.detail : 'row before the header';
          rejectRow({ level: 'row', code: 'MALFORMED_ROW', file: path, line: row.line, recordId: null, field: null, detail });
          continue;
        }
        const mapped = mapRow(row.values, plan, { file: path, line: row.line, defaultSource }, config);
        if (isRejection(mapped)) {
          rejectRow(mapped);
          continue;
        }
        const key = `${mapped.source}\u0000${mapped.recordId}`;
        const existing = byKey.get(key);
        if (existing === undefined) {
          byKey.set(key, records.length);
          records.push(mapped);
          continue;
        }
        const kept = preferred(records[existing]!, mapped);
        const dropped = kept === mapped ? records[existing]! : mapped;
        records[existing] = kept;
        rejections.push({
          level: 'row',
          code: 'DUPLICATE_RECORD_ID',
          file: dropped.file,
          line: dropped.line,
          recordId: dropped.recordId,
          field: 'record_id',
          detail: `another row of source "${dropped.source}" has the same record_id (kept: ${kept.file}:${kept.line})`,
        });
      }
    } catch (error) {
      if (error instanceof Error && error.name === 'IdgraphError') throw error;
      const code = (error as NodeJS.ErrnoException).code;
      throw errors.inputUnreadable(path, code ?? 'read error');
    }
    bytesBefore += sizes[fileIndex] ?? 0;
    rowsRead += fileRows;
    files.push({ file: path, rows: fileRows, rejected: 0 });
  }
  const rejectedPerFile = new Map<string, number>();
  for (const rejection of rejections) rejectedPerFile.set(rejection.file, (rejectedPerFile.get(rejection.file) ?? 0) + 1);
  const summaries = files.map((file) => ({ ...file, rejected: rejectedPerFile.get(file.file) ?? 0 }));
  return { records, rejections, rowsRead, files: summaries, consentColumnsSeen };
}
