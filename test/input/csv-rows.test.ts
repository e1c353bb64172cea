// Tests for the CSV row parser: quoting, line numbers, recovery from unclosed quotes, and hostile input.
import { fc, test } from '@fast-check/vitest';
import { parse as parseSync } from 'csv-parse/sync';
import { describe, expect } from 'vitest';
import type { RawRow } from '../../src/input/index.js';
import { linesOf, parseCsvText } from './parse-text.js';

const header = (values: string[], line = 1): RawRow => ({ kind: 'header', line, values });
const row = (line: number, values: string[], lastLine = line): RawRow => ({ kind: 'row', line, lastLine, values });
/** kind, line, lastLine and code of each row: what accounting and rejected.csv depend on. */
const shape = (rows: readonly RawRow[]) =>
  rows.map((r) => (r.kind === 'header' ? ['header', r.line] : r.kind === 'row' ? ['row', r.line, r.lastLine] : [r.code, r.line, r.lastLine]));

describe('createCsvRowParser', () => {
  describe('should emit nothing', () => {
    test.each([
      ['an empty file', ''],
      ['blank lines only', '\n  \n\t\n'],
    ])('for %s', async (_name, text) => {
      expect(await parseCsvText(text)).toStrictEqual([]);
    });
  });

  describe('should emit the header alone', () => {
    test('for a header without rows', async () => {
      expect(await parseCsvText('id,a\n')).toStrictEqual([header(['id', 'a'])]);
    });
  });

  describe('should read fields as RFC 4180 has them', () => {
    test.each([
      ['unquoted, trimmed', 'r1 , x ,y', ['r1', 'x', 'y']],
      ['empty fields', 'r1,,', ['r1', '', '']],
      ['quoted with comma and doubled quotes', 'r1,"a, ""b""",c', ['r1', 'a, "b"', 'c']],
      ['quoted with blanks outside the quotes', 'r1, "x" ,"y"  ', ['r1', 'x', 'y']],
      ['quoted empty', 'r1,"",""', ['r1', '', '']],
      ['non-ASCII', 'r1,Müller,東京', ['r1', 'Müller', '東京']],
    ])('for %s', async (_name, line, values) => {
      expect(await parseCsvText(`id,a,b\n${line}\n`)).toStrictEqual([header(['id', 'a', 'b']), row(2, values)]);
    });
  });

  describe('should keep a quoted line break in one row, reported at its first line', () => {
    test.each([
      ['LF', '\n'],
      ['CRLF', '\r\n'],
    ])('for %s files', async (_name, eol) => {
      const text = ['id,a,b', 'r1,x,y', 'r2,"first', '', 'last",z', 'r3,x,y', ''].join(eol);
      expect(await parseCsvText(text, { chunkSize: 3 })).toStrictEqual([
        header(['id', 'a', 'b']),
        row(2, ['r1', 'x', 'y']),
        row(3, ['r2', 'first\n\nlast', 'z'], 5),
        row(6, ['r3', 'x', 'y']),
      ]);
    });
  });

  describe('should report rows at their own line', () => {
    test('for blank lines before rows and a byte-order mark', async () => {
      expect(shape(await parseCsvText('\ufeff\n\nid,a\n\nr1,x\n\n\nr2,y'))).toStrictEqual([['header', 3], ['row', 5, 5], ['row', 8, 8]]);
    });
  });

  describe('should reject a broken row and go on with the next', () => {
    test.each([
      ['too few fields', 'r2,x', 'WRONG_COLUMN_COUNT'],
      ['too many fields', 'r2,x,y,z', 'WRONG_COLUMN_COUNT'],
      ['a quote inside an unquoted field', 'r2,x"y,z', 'BAD_QUOTE'],
      ['characters after a closing quote', 'r2,"x"y,z', 'BAD_QUOTE'],
    ])('for %s', async (_name, line, code) => {
      expect(shape(await parseCsvText(`id,a,b\nr1,x,y\n${line}\nr3,x,y\n`))).toStrictEqual([
        ['header', 1], ['row', 2, 2], [code, 3, 3], ['row', 4, 4],
      ]);
    });

    test('for a line too long to keep', async () => {
      const rows = await parseCsvText(`id,a,b\nr1,${'x'.repeat(2000)},y\nr2,x,y\n`, { maxRecordChars: 100 });
      expect(rows).toStrictEqual([
        header(['id', 'a', 'b']),
        { kind: 'malformed', line: 2, lastLine: 2, code: 'ROW_TOO_LONG', field: null, detail: 'the line is longer than 100 characters' },
        row(3, ['r2', 'x', 'y']),
      ]);
    });

    test('for a row that is not UTF-8', async () => {
      const bytes = Buffer.concat([Buffer.from('id,a\nr1,M'), Buffer.from([0xfc, 0x6c]), Buffer.from('\nr2,x\n')]);
      expect(shape(await parseCsvText(bytes))).toStrictEqual([['header', 1], ['BAD_ENCODING', 2, 2], ['row', 3, 3]]);
    });
  });

  describe('should reject only the line of an unclosed quote and read the lines after it again', () => {
    test.each([
      ['at the end of the file', 'r2,"x,y\nr3,x,y\nr4,x,y\n', [['row', 4, 4], ['row', 5, 5]]],
      ['closed by a later quoted field', 'r2,"x,y\nr3,x,y\nr4,"q",y\nr5,x,y\n', [['row', 4, 4], ['row', 5, 5], ['row', 6, 6]]],
      ['on the last line', 'r2,"x,y', []],
      ['followed by another unclosed quote', 'r2,"x,y\nr3,"x,y\nr4,x,y\n', [['UNCLOSED_QUOTE', 4, 4], ['row', 5, 5]]],
      ['followed by a quoted line break', 'r2,"x,y\nr3,"a\nb",y\nr4,x,y\n', [['row', 4, 5], ['row', 6, 6]]],
      ['followed by an over-long line', `r2,"x,y\nr3,x,y\n${'z'.repeat(300)}\nr4,x,y\n`, [['row', 4, 4], ['ROW_TOO_LONG', 5, 5], ['row', 6, 6]]],
    ])('for an unclosed quote %s', async (_name, rest, after) => {
      const rows = await parseCsvText(`id,a,b\nr1,x,y\n${rest}`, { maxRecordChars: 200 });
      expect(shape(rows)).toStrictEqual([['header', 1], ['row', 2, 2], ['UNCLOSED_QUOTE', 3, 3], ...after]);
    });

    test('for a quoted field that runs over maxRecordChars', async () => {
      const rows = await parseCsvText(`id,a,b\nr1,"x,y\n${'r,x,y\n'.repeat(100)}`, { maxRecordChars: 200 });
      expect(rows.filter((r) => r.kind === 'row')).toHaveLength(100);
      expect(shape(rows).slice(0, 2)).toStrictEqual([['header', 1], ['UNCLOSED_QUOTE', 2, 2]]);
    });
  });

  describe('should give an unclosed quote the reason that ends it', () => {
    // csv-parse gives a record back only with later input: until then a long complete row must not
    // count towards the quoted field opened on the line after it.
    test.each([
      ['at the end of the file', '', 'unclosed quote at the end of the file'],
      ['before an over-long line', `\n${'z'.repeat(30)}\n`, 'unclosed quote before an over-long line'],
    ])('after a complete row of maxRecordChars, %s', async (_name, after, detail) => {
      const rows = await parseCsvText(`a,b,c\n"""aaa","aaaa",aaaaa\n"${after}`, { maxRecordChars: 20 });
      expect(rows.slice(0, 3)).toStrictEqual([
        header(['a', 'b', 'c']),
        row(2, ['"aaa', 'aaaa', 'aaaaa']),
        { kind: 'malformed', line: 3, lastLine: 3, code: 'UNCLOSED_QUOTE', field: null, detail },
      ]);
    });

    test('as still open after maxRecordChars when the quoted field itself runs that long', async () => {
      const rows = await parseCsvText(`a,b,c\nr1,"${'x'.repeat(12)}\n${'x'.repeat(12)}\nr2,x,y\n`, { maxRecordChars: 20 });
      expect(rows).toStrictEqual([
        header(['a', 'b', 'c']),
        {
          kind: 'malformed', line: 2, lastLine: 2, code: 'UNCLOSED_QUOTE', field: null,
          detail: 'unclosed quote (a quoted field still open after 20 characters); the lines after it were read again as rows',
        },
        { kind: 'malformed', line: 3, lastLine: 3, code: 'WRONG_COLUMN_COUNT', field: null, detail: '1 fields, the header has 3' },
        row(4, ['r2', 'x', 'y']),
      ]);
    });
  });

  describe('should read the header row as the first record', () => {
    test('for a quoted header with a line break', async () => {
      expect(await parseCsvText('"id","a\nb"\nr1,x\n')).toStrictEqual([header(['id', 'a\nb']), row(3, ['r1', 'x'])]);
    });

    test('for a header that is broken, as a malformed row before any header', async () => {
      expect(shape(await parseCsvText('id,"a\nr1,x\n'))).toStrictEqual([['UNCLOSED_QUOTE', 1, 1], ['header', 2]]);
    });
  });
});

/** One generated data row: how it is written, and what the parser must make of it. */
interface RowSpec {
  readonly text: string;
  readonly expect: 'row' | 'UNCLOSED_QUOTE' | 'WRONG_COLUMN_COUNT' | 'BAD_QUOTE' | 'ROW_TOO_LONG';
  readonly values?: readonly string[];
  /** Physical lines the row takes (a quoted line break adds one). */
  readonly lines: number;
}

const COLUMNS = 3;
const word = fc.stringMatching(/^[A-Za-zäöü0-9][A-Za-zäöü0-9 .@-]{0,8}$/);
/** A quoted field whose text starts with a letter (so it cannot close an earlier unclosed quote cleanly). */
const quoted = fc
  .tuple(word, fc.constantFrom('', ',', '""', '\n', ', x'), word)
  .map(([a, middle, b]) => ({ text: `"${a}${middle}${b}"`, value: `${a}${middle.replace('""', '"')}${b}`, lines: middle === '\n' ? 2 : 1 }));
const field = fc.oneof(word.map((value) => ({ text: value, value: value.trim(), lines: 1 })), quoted, fc.constant({ text: '', value: '', lines: 1 }));
const validRow: fc.Arbitrary<RowSpec> = fc.array(field, { minLength: COLUMNS, maxLength: COLUMNS }).map((fields) => ({
  text: fields.map((f) => f.text).join(','),
  expect: 'row',
  values: fields.map((f) => f.value),
  lines: fields.reduce((sum, f) => sum + f.lines - 1, 1),
}));
const brokenRow: fc.Arbitrary<RowSpec> = fc.oneof(
  word.map((w) => ({ text: `id,"${w},x`, expect: 'UNCLOSED_QUOTE' as const, lines: 1 })),
  word.map((w) => ({ text: `id,${w}`, expect: 'WRONG_COLUMN_COUNT' as const, lines: 1 })),
  word.map((w) => ({ text: `id,${w},x,y`, expect: 'WRONG_COLUMN_COUNT' as const, lines: 1 })),
  word.map((w) => ({ text: `id,x${w}"y,z`, expect: 'BAD_QUOTE' as const, lines: 1 })),
  word.map((w) => ({ text: `id,"${w}"z,z`, expect: 'BAD_QUOTE' as const, lines: 1 })),
  fc.constant({ text: `id,${'w'.repeat(300)},x`, expect: 'ROW_TOO_LONG' as const, lines: 1 }),
);

describe('createCsvRowParser on generated files', () => {
  describe('should give every written row exactly one result, at its line', () => {
    test.prop([
      fc.array(fc.tuple(fc.oneof({ weight: 3, arbitrary: validRow }, brokenRow), fc.boolean()), { maxLength: 30 }),
      fc.constantFrom('\n', '\r\n'),
      fc.integer({ min: 1, max: 200 }),
    ])('for valid and broken rows, blank lines, LF or CRLF, any chunk size', async (specs, eol, chunkSize) => {
      let text = `id,a,b${eol}`;
      let line = 2;
      const expected: unknown[] = [['header', 1]];
      for (const [spec, blankAfter] of specs) {
        text += spec.text.replaceAll('\n', eol) + eol;
        expected.push(spec.expect === 'row' ? ['row', line, line + spec.lines - 1] : [spec.expect, line, line]);
        line += spec.lines;
        if (blankAfter) {
          text += eol;
          line++;
        }
      }
      const rows = await parseCsvText(text, { chunkSize, maxRecordChars: 200 });
      expect(shape(rows)).toStrictEqual(expected);
      const values = rows.flatMap((r) => (r.kind === 'row' ? [r.values] : []));
      expect(values).toStrictEqual(specs.filter(([spec]) => spec.expect === 'row').map(([spec]) => spec.values));
    });
  });

  describe('should never throw, and cover every non-blank line by exactly one row', () => {
    const hostile = fc.array(
      fc.oneof(
        fc.string({ unit: fc.constantFrom('"', ',', ' ', 'a', '\n', '\r', '\t') , maxLength: 12 }),
        fc.string({ unit: 'binary', maxLength: 20 }),
        fc.constant('x'.repeat(120)),
      ),
      { maxLength: 25 },
    );
    test.prop([hostile, fc.integer({ min: 1, max: 50 })], { numRuns: 300 })('for hostile text', async (parts, chunkSize) => {
      const text = `a,b\n${parts.join('\n')}`;
      const rows = await parseCsvText(text, { chunkSize, maxRecordChars: 100 });
      const lines = await linesOf(text, { maxRecordChars: 100 });
      const covered = new Map<number, number>();
      let previousEnd = 0;
      for (const r of rows) {
        const last = r.kind === 'header' ? r.line : r.lastLine;
        expect(r.line).toBeGreaterThan(previousEnd);
        expect(last).toBeGreaterThanOrEqual(r.line);
        previousEnd = last;
        for (let n = r.line; n <= last; n++) covered.set(n, (covered.get(n) ?? 0) + 1);
      }
      for (const line of lines) {
        if (line.text.trim() !== '' || line.problem !== null) expect(covered.get(line.line), `line ${line.line}`).toBe(1);
      }
    });
  });
});

describe('createCsvRowParser against csv-parse reading the whole file', () => {
  const blank = fc.constantFrom('', ' ', '\t', '\u00a0', '\u3000', '\ufeff', '\u2028');
  const text = fc.stringMatching(/^[a-zé0-9][a-zé0-9 .@-]{0,6}$/);
  const plain = fc.tuple(blank, text, blank).map(([before, value, after]) => `${before}${value}${after}`);
  // Around quotes, ASCII blanks only: csv-parse rejects a multi-byte blank after a closing quote
  // (CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE), reading the whole file or line by line.
  const asciiBlank = fc.constantFrom('', ' ', '\t');
  const quotedField = fc
    .tuple(asciiBlank, text, fc.constantFrom('', ',', '""', '\n', ' '), text, asciiBlank)
    .map(([before, a, middle, b, after]) => `${before}"${a}${middle}${b}"${after}`);
  const csvRow = fc.array(fc.oneof({ weight: 4, arbitrary: plain }, quotedField), { minLength: 3, maxLength: 3 }).map((fields) => fields.join(','));
  test.prop([fc.array(fc.tuple(csvRow, fc.boolean()), { maxLength: 40 }), fc.constantFrom('\n', '\r\n'), fc.integer({ min: 1, max: 64 })])(
    'should read the same fields for well-formed rows (plain, quoted, blanks around fields), row by row in order',
    async (rows, eol, chunkSize) => {
      const body = rows.map(([row, blankAfter]) => row.replaceAll('\n', eol) + eol + (blankAfter ? eol : '')).join('');
      const whole = `id,a,b${eol}${body}`;
      const reference = parseSync(whole, { trim: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
      const ours = await parseCsvText(whole, { chunkSize });
      // csv-parse reads a quoted CRLF as CRLF; the row parser gives every quoted line break as LF (csv-rows.ts).
      expect(ours.map((r) => (r.kind === 'malformed' ? r.code : r.values))).toStrictEqual(reference.map((values) => values.map((v) => v.replaceAll('\r\n', '\n'))));
    },
  );
});
