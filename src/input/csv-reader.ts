// Streams a CSV file (RFC 4180 read by csv-parse, UTF-8, header row) into raw rows with their line numbers.
import { createCsvRowParser } from './csv-rows.js';
import { streamLineRows } from './line-rows.js';
import type { RawRow } from './raw-row.js';

/**
 * Yields the header, then every row or malformed row, in file order and in batches (one per
 * chunk read; a row ending a chunk may come with the next one, as csv-parse reads a few bytes
 * ahead). A UTF-8 byte-order mark and CRLF line ends are accepted; blank lines are skipped.
 * @param maxRecordChars longest line, and longest quoted field, kept (memory stays bounded by it)
 * @param onBytes called with the number of bytes read so far (for progress display)
 * @throws IdgraphError INPUT_UNREADABLE for a UTF-16/UTF-32 file
 */
export function readCsv(path: string, maxRecordChars: number, onBytes?: (bytes: number) => void): AsyncGenerator<readonly RawRow[]> {
  return streamLineRows(path, maxRecordChars, onBytes, (emit) => createCsvRowParser({ maxRecordChars }, emit));
}
