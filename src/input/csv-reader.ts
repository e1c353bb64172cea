// Streams a CSV file (RFC 4180, UTF-8, header row) into raw rows with their line numbers.
import { createReadStream } from 'node:fs';
import { parse, type CsvError } from 'csv-parse';

export type RawRow =
  | { readonly kind: 'header'; readonly line: number; readonly values: readonly string[] }
  | { readonly kind: 'row'; readonly line: number; readonly values: readonly string[] }
  | { readonly kind: 'malformed'; readonly line: number; readonly detail: string };

const CSV_PROBLEMS: Readonly<Record<string, string>> = {
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'wrong number of columns',
  CSV_RECORD_INCONSISTENT_COLUMNS: 'wrong number of columns',
  CSV_QUOTE_NOT_CLOSED: 'unclosed quote; the rest of the file after this line could not be read',
  CSV_INVALID_CLOSING_QUOTE: 'a quote inside an unquoted field',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'characters after a closing quote',
  CSV_MAX_RECORD_SIZE: 'the row is larger than the maximum record size',
};

/**
 * Yields the header, then every row or malformed row, in file order.
 * A byte-order mark and CRLF line ends are accepted; blank lines are skipped.
 * @param onBytes called with the number of bytes read so far (for progress display)
 */
export async function* readCsv(path: string, maxRecordSize: number, onBytes?: (bytes: number) => void): AsyncGenerator<RawRow> {
  const skipped: RawRow[] = [];
  const stream = createReadStream(path);
  let bytes = 0;
  if (onBytes) stream.on('data', (chunk) => onBytes((bytes += chunk.length)));
  const parser = stream.pipe(
    parse({
      bom: true,
      trim: true,
      info: true,
      raw: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      max_record_size: maxRecordSize,
      on_skip: (error: CsvError | undefined) => {
        const code = error?.code ?? 'CSV_UNKNOWN';
        skipped.push({ kind: 'malformed', line: Number((error as { lines?: number } | undefined)?.lines ?? 0), detail: CSV_PROBLEMS[code] ?? 'malformed CSV row' });
      },
    }),
  );
  let seenHeader = false;
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number }; raw: string }>) {
    while (skipped.length > 0) yield skipped.shift()!;
    const endLine = item.info.lines;
    const trailingNewline = item.raw.endsWith('\n') ? 1 : 0;
    const newlines = countNewlines(item.raw) - trailingNewline;
    const line = endLine - newlines;
    if (!seenHeader) {
      seenHeader = true;
      yield { kind: 'header', line, values: item.record };
    } else {
      yield { kind: 'row', line, values: item.record };
    }
  }
  while (skipped.length > 0) yield skipped.shift()!;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
  return count;
}
