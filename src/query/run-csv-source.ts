// Reads a run directory's CSV files (and report.json's junk list) back into an IndexSource.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { errors } from '../errors/index.js';
import { isIdentifierType } from '../identifiers/index.js';
import type { CustomerId } from '../ids/index.js';
import { HEADERS, RUN_FILES } from '../output/index.js';
import type { AppliedLink, Customer, JunkValue, RefusalRule, RefusedMerge } from '../resolve/index.js';
import type { IndexSource } from './index-source.js';

const RULES: readonly string[] = ['consent', 'limit', 'conflict', 'junk'] satisfies readonly RefusalRule[];

/** Streams the rows of one run CSV file after checking its header; `onRow` gets the 1-based line. */
async function readRunCsv(dir: string, file: string, header: readonly string[], onRow: (row: string[], line: number) => void): Promise<void> {
  const path = join(dir, file);
  const isFile = await stat(path).then((info) => info.isFile(), () => false);
  if (!isFile) throw errors.runDirInvalid(dir, `${file} is missing`);
  const input = createReadStream(path);
  const parser = input.pipe(parse({ bom: true }));
  // pipe() does not forward a read error; without this the loop below would wait forever.
  input.on('error', (error) => parser.destroy(error));
  let line = 0;
  for await (const row of parser as AsyncIterable<string[]>) {
    line++;
    if (line === 1) {
      if (row.join(',') !== header.join(',')) throw errors.runDirInvalid(dir, `${file} does not have the header ${header.join(',')}`);
      continue;
    }
    onRow(row, line);
  }
  if (line === 0) throw errors.runDirInvalid(dir, `${file} is empty`);
}

/**
 * The customer of a link read from links.csv, which does not name it: an applied link joins two nodes
 * of one customer, so either side decides, the record side where there is one, else the identifiers.
 */
function linkCustomers(records: IndexSource['records'], identifiers: IndexSource['identifiers']): (from: string, to: string) => CustomerId | null {
  const customerOfRecord = new Map<string, CustomerId>();
  for (const record of records) customerOfRecord.set(`record:${record.source}/${record.recordId}`, record.customerId);
  let customerOfIdentifier: Map<string, CustomerId | null> | null = null;
  return (from, to) => {
    const ofRecord = customerOfRecord.get(from) ?? customerOfRecord.get(to);
    if (ofRecord !== undefined) return ofRecord;
    customerOfIdentifier ??= new Map(identifiers.map((identifier) => [`${identifier.type}:${identifier.value}`, identifier.customerId]));
    return customerOfIdentifier.get(from) ?? customerOfIdentifier.get(to) ?? null;
  };
}

const customerIdOrNull = (value: string): CustomerId | null => (value === '' ? null : (value as CustomerId));

/**
 * Reads what the index needs from the run files in `dir`.
 * NOTE: customer IDs are taken as written (not re-validated row by row): the files are ours, and
 * the reader checks their headers; a foreign file fails there.
 * @throws IdgraphError RUN_DIR_INVALID when a file is missing or has another header
 */
export async function readIndexSource(dir: string): Promise<IndexSource> {
  const records: IndexSource['records'][number][] = [];
  await readRunCsv(dir, RUN_FILES.records, HEADERS.records, (row) => {
    records.push({ recordId: row[0]!, source: row[1]!, customerId: row[2]! as CustomerId });
  });
  const identifiers: IndexSource['identifiers'][number][] = [];
  await readRunCsv(dir, RUN_FILES.identifiers, HEADERS.identifiers, (row, line) => {
    const type = row[0]!;
    if (!isIdentifierType(type)) throw errors.runDirInvalid(dir, `${RUN_FILES.identifiers}:${line}: unknown identifier type`);
    identifiers.push({ type, value: row[1]!, customerId: customerIdOrNull(row[2]!), records: Number(row[3]) });
  });
  const customers: Customer[] = [];
  await readRunCsv(dir, RUN_FILES.customers, HEADERS.customers, (row, line) => {
    const level = Number(row[1]);
    if (level !== 1 && level !== 2 && level !== 3) throw errors.runDirInvalid(dir, `${RUN_FILES.customers}:${line}: permission_level is not 1, 2 or 3`);
    customers.push({
      id: row[0]! as CustomerId,
      permissionLevel: level,
      records: Number(row[2]),
      identifiers: Number(row[3]),
      sources: row[4] === '' ? [] : row[4]!.split(';'),
    });
  });
  const customerOfLink = linkCustomers(records, identifiers);
  const links: AppliedLink[] = [];
  await readRunCsv(dir, RUN_FILES.links, HEADERS.links, (row) => {
    const from = row[0]!;
    const to = row[1]!;
    links.push({ from, to, matcher: row[2]!, weight: Number(row[3]), evidence: row[4]!, customerId: customerOfLink(from, to) });
  });
  const refused: RefusedMerge[] = [];
  await readRunCsv(dir, RUN_FILES.refused, HEADERS.refused, (row, line) => {
    const rule = row[2]!;
    if (!RULES.includes(rule)) throw errors.runDirInvalid(dir, `${RUN_FILES.refused}:${line}: unknown rule`);
    refused.push({
      from: row[0]!,
      to: row[1]!,
      rule: rule as RefusalRule,
      detail: row[3]!,
      matcher: row[4]!,
      weight: Number(row[5]),
      fromCustomer: customerIdOrNull(row[6]!),
      toCustomer: customerIdOrNull(row[7]!),
    });
  });
  return { records, identifiers, customers, links, refused, junk: await readJunk(dir) };
}

/** The junk values listed in report.json (none when it is missing or has no list). */
async function readJunk(dir: string): Promise<readonly JunkValue[]> {
  let text: string;
  try {
    text = await readFile(join(dir, RUN_FILES.reportJson), 'utf8');
  } catch {
    return [];
  }
  try {
    const report = JSON.parse(text) as { junk?: unknown };
    return Array.isArray(report.junk) ? (report.junk as JunkValue[]) : [];
  } catch {
    throw errors.runDirInvalid(dir, `${RUN_FILES.reportJson} is not valid JSON`);
  }
}
