// Reads every input file of a run into records plus rejections, accounting for every row.
import { access, constants, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, extname } from 'node:path';
import type { Config } from '../config/index.js';
import { errors } from '../errors/index.js';
import { StringPool } from '../memory/flat-string.js';
import { planColumns, type ColumnPlan } from './column-plan.js';
import type { InputRecord } from './input-record.js';
import { isRejection, mapRow, rowSource } from './map-row.js';
import type { RawRow } from './raw-row.js';
import type { Rejection } from './rejection.js';
import { readRows, type RowFormat } from './read-rows.js';
import { readRowsInWorker } from './rows-in-worker.js';

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
  /** Files of at least this many bytes are parsed on a worker thread (default PARSE_IN_WORKER_FROM; none with one CPU core). */
  readonly parseInWorkerFrom?: number;
}

/**
 * From this size on a file is parsed on a worker thread while this thread maps its rows (the
 * worker costs ~50 ms to start). Measured on the 1M-record scale set (~150 MB): parsing alone
 * takes ~5.5 s here and ~1 s of this thread's time (taking the rows) through the worker.
 */
export const PARSE_IN_WORKER_FROM = 4 << 20;

function formatOf(path: string): RowFormat {
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

/** The longest line (and quoted field) a reader keeps: 4 × limits.maxFieldLength, at least 64 Ki characters. */
export function maxRecordChars(config: Pick<Config, 'limits'>): number {
  return Math.max(config.limits.maxFieldLength * 4, 1 << 16);
}

/**
 * Reads all inputs. Row problems become rejections; run-level problems throw.
 * Every data row counts in `rowsRead` (malformed ones too; blank lines and headers do not),
 * so `records.length + rejections.length === rowsRead` holds for every input.
 * Of several rows with the same source and record_id, one is kept (latest timestamp, then a
 * fixed content order, so the choice does not depend on row order) and the others are rejected.
 * NOTE: a row whose source has no domain is rejected (UNKNOWN_SOURCE) when it is a stray row;
 * when one unmapped source holds more than half of a file's rows, the config lacks it, and the
 * run stops with SOURCE_WITHOUT_DOMAIN naming it (DESIGN: "a source with no mapping is an error").
 * @throws IdgraphError INPUT_NOT_FOUND, INPUT_UNREADABLE (also a UTF-16 file or an unreadable
 * CSV header), SOURCE_WITHOUT_DOMAIN, USAGE
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
  const maxChars = maxRecordChars(config);
  const sources = new StringPool();

  for (const [fileIndex, path] of paths.entries()) {
    const format = formatOf(path);
    const defaultSource = basename(path, extname(path));
    const onBytes = options.onProgress
      ? (bytes: number) => options.onProgress!(bytesBefore + bytes, totalBytes)
      : undefined;
    const inWorker = (sizes[fileIndex] ?? 0) >= (options.parseInWorkerFrom ?? (availableParallelism() > 1 ? PARSE_IN_WORKER_FROM : Infinity));
    const batches: AsyncGenerator<readonly RawRow[]> = inWorker ? readRowsInWorker(path, format, maxChars, onBytes) : readRows(path, format, maxChars, onBytes);
    let plan: ColumnPlan | null = null;
    let fileRows = 0;
    const unknownSources = new Map<string, { rows: number; line: number }>();
    const useRow = (row: RawRow) => {
      if (row.kind === 'header') {
        plan = planColumns(row.values, config);
        consentColumnsSeen ||= plan.hasConsent;
        return;
      }
      // In a CSV file, a row before the header means the header row itself did not parse.
      if (plan === null && format === 'csv') throw errors.inputHeader(path, row.line, row.kind === 'malformed' ? row.detail : 'no header row');
      fileRows++;
      if (row.kind === 'malformed') {
        rejections.push({ level: 'row', code: row.code, file: path, line: row.line, recordId: null, field: row.field, detail: row.detail });
        return;
      }
      // An NDJSON row always comes after the header of its keys.
      if (plan === null) throw new Error('NDJSON row without header');
      const mapped = mapRow(row.values, plan, { file: path, line: row.line, defaultSource, sources }, config);
      if (isRejection(mapped)) {
        rejections.push(mapped);
        if (mapped.code === 'UNKNOWN_SOURCE') {
          const source = rowSource(row.values, plan, defaultSource);
          const seen = unknownSources.get(source);
          if (seen === undefined) unknownSources.set(source, { rows: 1, line: row.line });
          else seen.rows++;
        }
        return;
      }
      const key = `${mapped.source}\u0000${mapped.recordId}`;
      const existing = byKey.get(key);
      if (existing === undefined) {
        byKey.set(key, records.length);
        records.push(mapped);
        return;
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
        detail: `another row of the same source has this record_id (kept: ${kept.file}:${kept.line})`,
      });
    };
    try {
      for await (const batch of batches) for (const row of batch) useRow(row);
    } catch (error) {
      // A failed read (EIO, EISDIR, …) is the file's fault; anything else is a bug and stays one (exit 2).
      const code = (error as NodeJS.ErrnoException).code;
      if (error instanceof Error && error.name !== 'IdgraphError' && typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
        throw errors.inputUnreadable(path, code);
      }
      throw error;
    }
    for (const [source, seen] of unknownSources) {
      if (seen.rows * 2 > fileRows) throw errors.sourceWithoutDomain(path, seen.line, source);
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
