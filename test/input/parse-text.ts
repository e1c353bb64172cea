// Test helper: runs text or bytes through physicalLines and a row parser, in chunks of a given size.
import { createCsvRowParser, createNdjsonRowParser, physicalLines, type PhysicalLine, type RawRow } from '../../src/input/index.js';

export interface ParseOptions {
  /** Bytes per chunk fed to physicalLines (default: all at once). */
  readonly chunkSize?: number;
  readonly maxRecordChars?: number;
}

async function* chunked(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

/** The physical lines of `input`, fed in chunks. */
export async function linesOf(input: string | Buffer, options: ParseOptions = {}): Promise<PhysicalLine[]> {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const lines: PhysicalLine[] = [];
  const maxLineChars = options.maxRecordChars ?? 1000;
  for await (const batch of physicalLines(chunked(bytes, options.chunkSize ?? Math.max(bytes.length, 1)), { file: 'test.csv', maxLineChars })) {
    lines.push(...batch);
  }
  return lines;
}

/** Every row the CSV parser emits for `input`. */
export async function parseCsvText(input: string | Buffer, options: ParseOptions = {}): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  const parser = createCsvRowParser({ maxRecordChars: options.maxRecordChars ?? 1000 }, (row) => rows.push(row));
  for (const line of await linesOf(input, options)) parser.push(line);
  parser.end();
  return rows;
}

/** Every row the NDJSON parser emits for `input`. */
export async function parseNdjsonText(input: string | Buffer, options: ParseOptions = {}): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  const parser = createNdjsonRowParser({ maxRecordChars: options.maxRecordChars ?? 1000 }, (row) => rows.push(row));
  for (const line of await linesOf(input, options)) parser.push(line);
  return rows;
}
