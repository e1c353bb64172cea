// Streams a file's physical lines through a row parser (CSV or NDJSON), yielding the rows in batches.
import { createReadStream } from 'node:fs';
import { physicalLines, type PhysicalLine } from './physical-lines.js';
import type { RawRow } from './raw-row.js';

/** What turns physical lines into raw rows: the CSV and the NDJSON row parsers. */
export interface LineRowParser {
  push(line: PhysicalLine): void;
  /** Called once after the last line, for parsers that hold a row open across lines. */
  end?(): void;
}

/**
 * Yields the rows `createParser`'s parser emits for the lines of `path`, one batch per chunk read.
 * @param maxRecordChars longest line kept (memory stays bounded by it)
 * @param onBytes called with the number of bytes read so far (for progress display)
 * @throws IdgraphError INPUT_UNREADABLE for a UTF-16/UTF-32 file
 */
export async function* streamLineRows(
  path: string,
  maxRecordChars: number,
  onBytes: ((bytes: number) => void) | undefined,
  createParser: (emit: (row: RawRow) => void) => LineRowParser,
): AsyncGenerator<readonly RawRow[]> {
  const stream = createReadStream(path);
  let bytes = 0;
  if (onBytes) stream.on('data', (chunk) => onBytes((bytes += chunk.length)));
  let rows: RawRow[] = [];
  const parser = createParser((row) => rows.push(row));
  try {
    for await (const lines of physicalLines(stream, { file: path, maxLineChars: maxRecordChars })) {
      for (const line of lines) parser.push(line);
      if (rows.length > 0) {
        yield rows;
        rows = [];
      }
    }
    parser.end?.();
    if (rows.length > 0) yield rows;
  } finally {
    stream.destroy();
  }
}
