// Reads a small CSV file (header row) into trimmed row objects, for truth and output files.

import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/** One CSV row: column name → trimmed value. */
export type CsvRow = Readonly<Record<string, string>>;

/** A CSV file's header and rows. */
export interface CsvTable {
  readonly columns: readonly string[];
  readonly rows: readonly CsvRow[];
}

/**
 * Reads a whole CSV file. Fields and header names are trimmed, which the Febrl files need
 * (`, ` separators); a BOM is dropped; empty lines are skipped.
 * NOTE: synchronous and in memory: benchmark truth files are at most a few MB.
 * @param file path of the file
 * @returns its header and rows
 * @throws Error when a required column is missing (names the file and the column)
 */
export function readCsv(file: string, required: readonly string[] = []): CsvTable {
  let columns: string[] = [];
  const rows = parse(readFileSync(file), {
    bom: true,
    trim: true,
    skip_empty_lines: true,
    columns: (header: string[]) => {
      columns = header;
      return header;
    },
  }) as Record<string, string>[];
  for (const column of required) {
    if (!columns.includes(column)) {
      throw new Error(`${file}: missing column "${column}" (found: ${columns.join(', ')})`);
    }
  }
  return { columns, rows };
}
