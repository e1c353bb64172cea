// Turns physical lines into CSV rows with csv-parse, mapping its records to line numbers and recovering from unclosed quotes.
import { createCsvTokeniser, type CsvToken, type CsvTokeniser } from './csv-tokeniser.js';
import type { PhysicalLine } from './physical-lines.js';
import type { MalformedRow, RawRow } from './raw-row.js';
import type { RowRejectionCode } from './rejection.js';

export interface CsvRowOptions {
  /** A quoted field still open after this many characters is taken for an unclosed quote. */
  readonly maxRecordChars: number;
}

export interface CsvRowParser {
  /** Feeds the next physical line; complete rows go to `emit` in file order. */
  push(line: PhysicalLine): void;
  /** Ends the input: a quoted field still open is an unclosed quote. */
  end(): void;
}

/** A physical line given to the tokeniser, with the range of csv-parse line numbers it takes. */
interface FedLine {
  readonly line: PhysicalLine;
  readonly first: number;
  readonly last: number;
  readonly blank: boolean;
}

/** One csv-parse instance and the lines it was given that no record has taken yet. */
interface Session {
  readonly tokeniser: CsvTokeniser;
  /** Empty, or starts with the first line of the record being read. */
  readonly fed: FedLine[];
  /** Characters of `fed`, a line end counted as one. */
  chars: number;
  nextCsvLine: number;
}

/** What a csv-parse error on a single line is rejected as. */
function quoteError(code: string): { readonly code: RowRejectionCode; readonly detail: string } {
  switch (code) {
    case 'INVALID_OPENING_QUOTE':
      return { code: 'BAD_QUOTE', detail: 'a quote inside an unquoted field; quote the whole field and double inner quotes' };
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return { code: 'BAD_QUOTE', detail: 'characters after a closing quote; quote the whole field and double inner quotes' };
    default:
      throw new Error(`csv-parse reported ${code}, which the CSV reader does not expect with its options`);
  }
}

/** csv-parse counts a line at every CR and LF, so a line holding stray ones takes more than one. */
function csvLinesOf(text: string): number {
  if (text.indexOf('\r') === -1 && text.indexOf('\n') === -1) return 1;
  let count = 1;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x0a || code === 0x0d) count++;
  }
  return count;
}

/**
 * A CSV parser that works on physical lines. The first complete record is the header; every
 * later one is a row (or a malformed row) with its first and last line. Fields are separated by
 * commas, quoted with `"` (`""` inside), trimmed of blanks outside quotes; blank lines are skipped.
 *
 * Recovery: a record that spans several lines and then fails (a quote error, the wrong number
 * of fields, an over-long or still-open quoted field, the end of the file inside quotes) is taken
 * for an unclosed quote on its first line: that line is rejected as UNCLOSED_QUOTE and parsing
 * starts again on the line after it. Every non-blank line thus ends up in exactly one row, the
 * rejection carries the right line, and a properly quoted field with a line break in it is still
 * one row reported at its first line.
 *
 * NOTE: csv-parse does all the tokenising (fields, quotes, `""`, trimming; see createCsvTokeniser).
 * This wrapper adds what csv-parse lacks for row-level rejections: each physical line is written
 * to it with a LF after it (CR for a CR-terminated file), and the lines no record has taken yet
 * are kept with the range of csv-parse line numbers each takes (csv-parse counts every CR and LF),
 * so a record's `info.lines` or an error's `lines` maps back to a physical line, and a record's
 * first line is the first non-blank line after the previous record; CRLF files, blank lines and
 * stray CRs keep their real numbers. On a skipped record (csv-parse keeps going inside a broken
 * quote), a multi-line record that fails, an over-long line or more than maxRecordChars inside a
 * record, the instance is dropped and a fresh one is fed the kept lines after the rejected one.
 * Why not csv-parse alone: an unclosed quote swallows every later row into one skipped record,
 * the row after an over-long one is lost, and a CRLF inside quotes counts as two lines.
 * Where csv-parse differs from RFC 4180 read strictly: any Unicode blank (not only space and tab)
 * next to a quoted field is trimmed, and after an empty quoted field and blanks a quote opens
 * the quotes again, so a line ending in `"" "` is an unclosed quote rather than a misplaced one.
 * Cost: the 112,833-row shop.csv of `fixtures/generate.ts --records 300000 --seed 2` (15 MB),
 * median of 5 in one process: physicalLines alone 41 ms, the former hand-written parser 150 ms,
 * this one 821 ms (5.5x). Nearly all of it is csv-parse's byte loop (csv-parse/sync on the whole
 * file with these options: about 750 ms CPU). The options used are its fastest that keep the
 * behaviour (records as arrays: `info` costs +45%, `columns` +40%, `cast` +18%; `trim`, needed for
 * blanks around quoted fields, about 10%); writing lines in 4-16 KiB batches gained nothing.
 * A skipped record costs a fresh instance, about 50 µs.
 */
export function createCsvRowParser(options: CsvRowOptions, emit: (row: RawRow) => void): CsvRowParser {
  const maxChars = options.maxRecordChars;
  let columns = -1;
  let recordDelimiter: '\n' | '\r' = '\n';
  let session: Session | null = null;
  /** Lines waiting to be parsed, next one last (lines given back by a recovery). */
  const queue: PhysicalLine[] = [];

  const malformed = (line: number, lastLine: number, code: RowRejectionCode, detail: string): MalformedRow =>
    ({ kind: 'malformed', line, lastLine, code, field: null, detail });

  /** Queues lines to be read again, before any already queued (they come earlier in the file). */
  const requeue = (lines: readonly FedLine[]) => {
    for (let index = lines.length - 1; index >= 0; index--) queue.push(lines[index]!.line);
  };

  /** Drops the session (csv-parse's state is not to be trusted after a failure) and reads `rest` again with a fresh one. */
  const restart = (rest: readonly FedLine[]) => {
    session = null;
    requeue(rest);
  };

  /** Rejects the first line of a failed multi-line record and reads the lines after it again. */
  const recover = (first: FedLine, rest: readonly FedLine[], why: string) => {
    emit(malformed(first.line.line, first.line.line, 'UNCLOSED_QUOTE', `unclosed quote (${why}); the lines after it were read again as rows`));
    restart(rest);
  };

  /** Emits the record csv-parse ended on csv line `csvLine`; returns false when the session failed (recovery done). */
  const record = (s: Session, fields: string[], csvLine: number): boolean => {
    let count = 0;
    while (count < s.fed.length && s.fed[count]!.last < csvLine) count++;
    if (count === s.fed.length || s.fed[count]!.first > csvLine) throw new Error('csv-parse returned a record for a line the CSV reader did not give it');
    const lines = s.fed.splice(0, count + 1);
    let chars = 0;
    for (const fed of lines) chars += fed.line.text.length + 1;
    s.chars -= chars;
    const first = lines[0]!;
    const last = lines[lines.length - 1]!;
    if (lines.length > 1) {
      const why =
        chars - (last.line.text.length + 1) > maxChars ? `a quoted field still open after ${maxChars} characters`
        : columns !== -1 && fields.length !== columns ? `a row over ${lines.length} lines with ${fields.length} fields instead of ${columns}`
        : null;
      if (why !== null) {
        recover(first, [...lines.slice(1), ...s.fed], why);
        return false;
      }
    }
    // Blank lines before the next record are not part of it: csv-parse skipped them.
    while (s.fed.length > 0 && s.fed[0]!.blank) s.chars -= s.fed.shift()!.line.text.length + 1;
    const badEncoding = lines.some((fed) => fed.line.problem === 'bad-encoding');
    // A quoted line break reads as LF in every file; a CR-terminated file's lines hold no CR of their own.
    if (recordDelimiter === '\r' && lines.length > 1) for (const [index, field] of fields.entries()) fields[index] = field.replaceAll('\r', '\n');
    if (columns === -1) {
      if (badEncoding) {
        emit(malformed(first.line.line, last.line.line, 'BAD_ENCODING', 'the header row is not valid UTF-8'));
        return true;
      }
      columns = fields.length;
      emit({ kind: 'header', line: first.line.line, values: fields });
      return true;
    }
    if (fields.length !== columns) emit(malformed(first.line.line, last.line.line, 'WRONG_COLUMN_COUNT', `${fields.length} fields, the header has ${columns}`));
    else if (badEncoding) emit(malformed(first.line.line, last.line.line, 'BAD_ENCODING', 'the row is not valid UTF-8; re-export the file as UTF-8'));
    else emit({ kind: 'row', line: first.line.line, lastLine: last.line.line, values: fields });
    return true;
  };

  /** Handles tokens in order; returns false when the session failed (recovery done, later tokens void). */
  const apply = (s: Session, tokens: readonly CsvToken[]): boolean => {
    for (const token of tokens) {
      if (token.kind === 'record') {
        if (!record(s, token.fields, token.line)) return false;
        continue;
      }
      // An open quote at the end is seen from the lines left over (see finish).
      if (token.code === 'CSV_QUOTE_NOT_CLOSED') continue;
      const first = s.fed[0];
      if (first === undefined) throw new Error('csv-parse reported an error outside any record');
      if (first.last >= token.line) {
        const { code, detail } = quoteError(token.code);
        emit(malformed(first.line.line, first.line.line, code, detail));
        restart(s.fed.slice(1));
      } else {
        recover(first, s.fed.slice(1), 'a quote error further down');
      }
      return false;
    }
    return true;
  };

  /**
   * Ends the session; a record still open is an unclosed quote: its first line is rejected and the
   * others are read again. `why` says what ended it; `single` is the detail for a one-line record.
   */
  const finish = (s: Session, why: string, single: string) => {
    session = null;
    if (!apply(s, s.tokeniser.end())) return;
    const [first, ...rest] = s.fed;
    if (first === undefined) return;
    if (rest.length === 0) emit(malformed(first.line.line, first.line.line, 'UNCLOSED_QUOTE', single));
    else recover(first, rest, why);
  };

  const step = (line: PhysicalLine) => {
    const s = session;
    if (line.problem === 'too-long') {
      if (s !== null && s.fed.length > 0) {
        // The line breaks any quoted field still open: see it again once the session is done.
        queue.push(line);
        finish(s, 'a quoted field ran into an over-long line', 'unclosed quote before an over-long line');
        return;
      }
      emit(malformed(line.line, line.line, 'ROW_TOO_LONG', `the line is longer than ${maxChars} characters`));
      return;
    }
    if (recordDelimiter === '\n' && line.text.indexOf('\n') !== -1) {
      // Only a CR-terminated file has LF inside a line: read its unfinished lines again, ended by CR.
      recordDelimiter = '\r';
      queue.push(line);
      if (s !== null) restart(s.fed);
      return;
    }
    const blank = line.text.trim() === '';
    if (blank && (s === null || s.fed.length === 0)) return;
    const current: Session = s ?? (session = { tokeniser: createCsvTokeniser(recordDelimiter), fed: [], chars: 0, nextCsvLine: 1 });
    const first = current.nextCsvLine;
    current.nextCsvLine += csvLinesOf(line.text);
    current.fed.push({ line, first, last: current.nextCsvLine - 1, blank });
    current.chars += line.text.length + 1;
    if (!apply(current, current.tokeniser.write(line.text + recordDelimiter))) return;
    // More than maxChars before the last line: a quoted field open that long is an unclosed quote.
    if (current.chars - (line.text.length + 1) > maxChars) endOverLong(current);
  };

  /**
   * Ends a session whose lines not yet taken by a record run over maxChars before the last one.
   * NOTE: csv-parse holds back the last bytes it is given, so the record a line completed may not
   * have come out yet and its characters still count; ending the tokeniser gives it back first.
   * What is then still open is an unclosed quote only if it is still that long; otherwise (a
   * short line after a long complete record) its lines are read again with a fresh tokeniser, and
   * an unclosed quote there gets the reason of whatever really ends it.
   */
  const endOverLong = (s: Session) => {
    session = null;
    if (!apply(s, s.tokeniser.end())) return;
    const [first, ...rest] = s.fed;
    const last = rest[rest.length - 1];
    if (first === undefined) return;
    if (last !== undefined && s.chars - (last.line.text.length + 1) > maxChars) recover(first, rest, `a quoted field still open after ${maxChars} characters`);
    else restart(s.fed);
  };

  const drain = () => {
    while (queue.length > 0) step(queue.pop()!);
  };

  return {
    push(line) {
      step(line);
      drain();
    },
    end() {
      drain();
      while (session !== null) {
        finish(session, 'the file ended inside the quoted field', 'unclosed quote at the end of the file');
        drain();
      }
    },
  };
}
