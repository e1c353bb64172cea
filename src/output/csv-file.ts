// Writes rows into one CSV file (RFC 4180 quoting) and waits until it is on disk.
import { open } from 'node:fs/promises';

export type CsvCell = string | number | null;

// Why not csv-stringify here: its stream turns every row into a stream chunk; formatting 1M rows
// of records.csv's shape took 0.97 s with it against 0.18 s with csvLine (`npx tsx
// bench/csv-writer.ts`, bench/RESULTS.md), and a 1M-record run writes ~5M rows.
// The rule it implements is small and fully tested (test/output/csv-file.test.ts round-trips
// every row through csv-parse). The Neo4j import files are written with it too.
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field: quoted (quotes doubled) when it holds a comma, quote or line break; null is empty. */
export function csvField(value: CsvCell): string {
  if (value === null) return '';
  const text = typeof value === 'string' ? value : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line (with its trailing `\n`). */
export function csvLine(cells: readonly CsvCell[]): string {
  let line = csvField(cells[0] ?? null);
  for (let index = 1; index < cells.length; index++) line += `,${csvField(cells[index]!)}`;
  return `${line}\n`;
}

/**
 * Characters of text gathered per write.
 * NOTE: kept under V8's largest regular object (128 KB): a longer string is allocated in the
 * large-object space, which only a full collection frees, so every chunk written became old
 * garbage. With 1 MB chunks the main thread's heap grew by about the size of the files written
 * (~0.5 GB at 1M records, heap 1.24 → 1.43 GB, RSS 2.92 → 3.14 GB through the CSV files); with 32 K
 * it stays flat (1.25–1.34 GB, RSS ~2.99 GB), and at 10M records that growth on top of ~12 GB live
 * is what the kernel's OOM killer ended (bench/RESULTS.md).
 */
export const TEXT_CHUNK_CHARS = 1 << 15;

/** One CSV file being written row by row: header first, rows buffered into writes of TEXT_CHUNK_CHARS. */
export interface CsvFileSink {
  /**
   * Buffers `row`. Returns the write of the buffer when it was full (await it before the next
   * row), null otherwise: a caller writing millions of rows awaits once per chunk, not per row.
   */
  write(row: readonly CsvCell[]): Promise<void> | null;
  /** Writes what is buffered, fsyncs and closes; the file is complete once this resolves. */
  close(): Promise<void>;
  /** Data rows written so far (the header not counted). */
  readonly rows: number;
}

/** Opens `path` for writing (replacing it) with `header` as its first line. */
export async function openCsvFile(path: string, header: readonly string[]): Promise<CsvFileSink> {
  const handle = await open(path, 'w');
  let chunk = csvLine(header);
  let rows = 0;
  let closed = false;
  return {
    get rows() {
      return rows;
    },
    write(row) {
      rows++;
      chunk += csvLine(row);
      if (chunk.length < TEXT_CHUNK_CHARS) return null;
      const text = chunk;
      chunk = '';
      return handle.write(text).then(() => undefined);
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        if (chunk.length > 0) await handle.write(chunk);
        await handle.sync();
      } finally {
        await handle.close();
      }
    },
  };
}

/**
 * Writes `header` and then every row of `rows` to `path` in chunks of TEXT_CHUNK_CHARS, and fsyncs
 * before resolving so the later directory rename publishes complete files.
 * NOTE: awaited once per chunk, not per row: a 1M-record run writes ~5M rows, and an await per
 * row cost the main thread about a second of promise bookkeeping.
 */
export async function writeCsv(path: string, header: readonly string[], rows: Iterable<readonly CsvCell[]>): Promise<void> {
  const sink = await openCsvFile(path, header);
  try {
    for (const row of rows) {
      const flushing = sink.write(row);
      if (flushing !== null) await flushing;
    }
  } finally {
    await sink.close();
  }
}
