// The raw rows of one input file: the one place that picks the CSV or the NDJSON reader by format.
import { readCsv } from './csv-reader.js';
import { readNdjson } from './ndjson-reader.js';
import type { RawRow } from './raw-row.js';

export type RowFormat = 'csv' | 'ndjson';

/**
 * Yields the rows of `path` in batches, as readCsv or readNdjson does.
 * @param maxRecordChars longest line (and quoted field) kept
 * @param onBytes called with the number of bytes read so far (for progress display)
 */
export function readRows(path: string, format: RowFormat, maxRecordChars: number, onBytes?: (bytes: number) => void): AsyncGenerator<readonly RawRow[]> {
  return format === 'csv' ? readCsv(path, maxRecordChars, onBytes) : readNdjson(path, maxRecordChars, onBytes);
}
