// Reads a generated run back for oracle checks: input identifier values as typed, and the run's CSV files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDENTIFIER_TYPES, type IdentifierType } from '../../../src/identifiers/index.js';
import { readCsvFile } from '../../helpers/csv.js';

/** One identifier value of an input row, exactly as the input file holds it. */
export interface TypedValue {
  readonly file: string;
  readonly line: number;
  readonly source: string;
  readonly recordId: string;
  readonly type: IdentifierType;
  readonly raw: string;
}

/** Every non-empty identifier value of the input files whose row and value resolve used (not in rejected.csv). */
export function typedValues(inputs: readonly string[], runDir: string): TypedValue[] {
  const rejected = readCsvFile(join(runDir, 'rejected.csv'));
  const rejectedRows = new Set(rejected.filter((row) => row.level === 'row').map((row) => `${row.file}:${row.line}`));
  const rejectedValues = new Set(rejected.filter((row) => row.level === 'value').map((row) => `${row.file}:${row.line}:${row.field}`));
  const values: TypedValue[] = [];
  for (const file of inputs) {
    const rows: Record<string, unknown>[] = file.endsWith('.ndjson')
      ? readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Record<string, unknown>)
      : readCsvFile(file);
    rows.forEach((row, index) => {
      const line = file.endsWith('.ndjson') ? index + 1 : index + 2;
      if (rejectedRows.has(`${file}:${line}`)) return;
      for (const type of IDENTIFIER_TYPES) {
        const raw = row[type];
        if (typeof raw !== 'string' || raw.trim() === '' || rejectedValues.has(`${file}:${line}:${type}`)) continue;
        values.push({ file, line, source: String(row.source), recordId: String(row.record_id), type, raw });
      }
    });
  }
  return values;
}

/** The run's files as maps for the checks. */
export function runTables(runDir: string) {
  const records = readCsvFile(join(runDir, 'records.csv'));
  const customerOfRecord = new Map(records.map((row) => [`record:${row.source}/${row.record_id}`, row.customer_id!]));
  const links = readCsvFile(join(runDir, 'links.csv'));
  const linked = new Set(links.flatMap((row) => [`${row.from}|${row.to}`, `${row.to}|${row.from}`]));
  const refused = readCsvFile(join(runDir, 'refused.csv'));
  const refusedPairs = new Set(refused.flatMap((row) => [`${row.from}|${row.to}`, `${row.to}|${row.from}`]));
  return {
    records,
    customerOfRecord,
    identifiers: readCsvFile(join(runDir, 'identifiers.csv')),
    customers: readCsvFile(join(runDir, 'customers.csv')),
    links,
    linked,
    refused,
    refusedPairs,
  };
}
