// Streams an NDJSON file (one JSON object per line) into raw rows with their line numbers.
import { createReadStream } from 'node:fs';
import { createNdjsonRowParser } from './ndjson-rows.js';
import { physicalLines } from './physical-lines.js';
import type { RawRow } from './raw-row.js';

/**
 * Yields, for each non-blank line, a header (the object's keys, when they differ from the
 * previous line's) and a row, or a malformed row; in batches, one per chunk read.
 * @param maxRecordChars longest line kept (memory stays bounded by it)
 * @param onBytes called with the number of bytes read so far (for progress display)
 * @throws IdgraphError INPUT_UNREADABLE for a UTF-16/UTF-32 file
 */
export async function* readNdjson(path: string, maxRecordChars: number, onBytes?: (bytes: number) => void): AsyncGenerator<readonly RawRow[]> {
  const stream = createReadStream(path);
  let bytes = 0;
  if (onBytes) stream.on('data', (chunk) => onBytes((bytes += chunk.length)));
  let rows: RawRow[] = [];
  const parser = createNdjsonRowParser({ maxRecordChars }, (row) => rows.push(row));
  try {
    for await (const lines of physicalLines(stream, { file: path, maxLineChars: maxRecordChars })) {
      for (const line of lines) parser.push(line);
      if (rows.length > 0) {
        yield rows;
        rows = [];
      }
    }
  } finally {
    stream.destroy();
  }
}
