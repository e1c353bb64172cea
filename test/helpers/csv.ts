// Reads a CSV file of a run directory into objects keyed by header.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

export function readCsvFile(path: string): Record<string, string>[] {
  return parse(readFileSync(path), { columns: true, bom: true }) as Record<string, string>[];
}

export function readCsvHeader(path: string): string[] {
  return (parse(readFileSync(path), { to_line: 1, bom: true }) as string[][])[0] ?? [];
}
