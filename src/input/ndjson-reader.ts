// Streams an NDJSON file (one JSON object per line) into raw rows with their line numbers.
import { createNdjsonRowParser } from './ndjson-rows.js';
import { streamLineRows } from './line-rows.js';
import type { RawRow } from './raw-row.js';

/**
 * Yields, for each non-blank line, a header (the object's keys, when they differ from the
 * previous line's) and a row, or a malformed row; in batches, one per chunk read.
 * @param maxRecordChars longest line kept (memory stays bounded by it)
 * @param onBytes called with the number of bytes read so far (for progress display)
 * @throws IdgraphError INPUT_UNREADABLE for a UTF-16/UTF-32 file
 */
export function readNdjson(path: string, maxRecordChars: number, onBytes?: (bytes: number) => void): AsyncGenerator<readonly RawRow[]> {
  return streamLineRows(path, maxRecordChars, onBytes, (emit) => createNdjsonRowParser({ maxRecordChars }, emit));
}
