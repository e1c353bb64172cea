// One csv-parse instance fed text synchronously, its records and errors collected with csv-parse's line numbers.
import { parse, type CsvError, type Parser } from 'csv-parse';

/** What csv-parse made of the text fed so far, in order. */
export type CsvToken =
  /** A complete record; `line` is csv-parse's count of the line its terminator is on. */
  | { readonly kind: 'record'; readonly fields: string[]; readonly line: number }
  /** A record csv-parse skipped; `line` is csv-parse's count of the line the error was found on. */
  | { readonly kind: 'error'; readonly code: CsvError['code']; readonly line: number };

export interface CsvTokeniser {
  /** Parses `text` (whole lines, each with the record delimiter); returns the tokens completed meanwhile. */
  write(text: string): readonly CsvToken[];
  /** Ends the input; returns the last tokens (an open quote comes back as CSV_QUOTE_NOT_CLOSED). */
  end(): readonly CsvToken[];
}

const NONE: readonly CsvToken[] = [];

/**
 * A csv-parse stream parser driven by hand: `write` and `end` run csv-parse synchronously, and
 * records and skipped records come back from its `on_record` / `on_skip` callbacks (never through
 * the stream), so the caller knows after each call exactly what was completed.
 * Options: comma-separated, `"` quotes and `""` escapes (csv-parse's defaults), fields trimmed,
 * empty lines skipped, no casting, records as arrays, any number of fields (the caller checks
 * the count, so a restarted instance needs no header), records with errors skipped and reported.
 * csv-parse's line count goes up at every CR and LF it reads, also inside quotes and fields.
 * NOTE: csv-parse keeps the last few bytes of each write until more text or `end` arrives
 * (it looks ahead for multi-byte delimiters), so a record completed by a write may come back
 * only from the next call. A skipped record leaves csv-parse's state unreliable (an invalid
 * closing quote leaves it inside the quotes), so the caller drops the instance after an error.
 * NOTE: this relies on Node's Writable running `_transform` during `write`, and `_flush` during
 * `end`, when nothing is queued (true on Node 20); `write` and `end` throw if that ever changes.
 * @param recordDelimiter '\n', or '\r' for a file of CR-terminated lines (whose lines may hold LF)
 */
export function createCsvTokeniser(recordDelimiter: '\n' | '\r'): CsvTokeniser {
  let tokens: CsvToken[] = [];
  const parser: Parser = parse({
    record_delimiter: recordDelimiter,
    trim: true,
    skip_empty_lines: true,
    relax_column_count: true,
    skip_records_with_error: true,
    on_record: (fields: string[], info) => {
      tokens.push({ kind: 'record', fields, line: info.lines });
      return null;
    },
    on_skip: (error) => {
      if (error !== undefined) tokens.push({ kind: 'error', code: error.code, line: error['lines'] as number });
      return undefined;
    },
  });
  // A stream error is thrown from write/end below; the listener only stops the 'error' event crashing the process.
  parser.on('error', () => {});
  let flushed = false;
  parser.once('prefinish', () => (flushed = true));
  const collect = (): readonly CsvToken[] => {
    // By its code only: csv-parse's messages quote field values.
    if (parser.errored !== null) throw new Error(`csv-parse stopped: ${(parser.errored as Partial<CsvError>).code ?? parser.errored.name}`);
    if (tokens.length === 0) return NONE;
    const done = tokens;
    tokens = [];
    return done;
  };
  return {
    write(text) {
      parser.write(text);
      if (parser.writableLength !== 0) throw new Error('csv-parse did not take the text synchronously');
      return collect();
    },
    end() {
      parser.end();
      if (!flushed) throw new Error('csv-parse did not end synchronously');
      return collect();
    },
  };
}
