// Tests for physicalLines: line numbers, line ends, byte-order marks, encodings and over-long lines.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { IdgraphError } from '../../src/errors/index.js';
import { checkFileStart } from '../../src/input/index.js';
import { linesOf } from './parse-text.js';

const plain = (texts: readonly string[]) => texts.map((text, index) => ({ line: index + 1, text, problem: null }));

describe('physicalLines', () => {
  describe('should yield nothing', () => {
    test('for an empty input', async () => {
      expect(await linesOf('')).toStrictEqual([]);
    });

    test('for a byte-order mark alone', async () => {
      expect(await linesOf('\ufeff')).toStrictEqual([]);
    });
  });

  describe('should refuse the file with INPUT_UNREADABLE', () => {
    test.each([
      ['UTF-16 LE with byte-order mark', Buffer.from('\ufeffid,a\n', 'utf16le')],
      ['UTF-16 BE with byte-order mark', Buffer.from([0xfe, 0xff, 0x00, 0x69, 0x00, 0x64])],
      ['UTF-32 BE with byte-order mark', Buffer.from([0x00, 0x00, 0xfe, 0xff, 0, 0, 0, 0x69])],
      ['UTF-16 LE without byte-order mark', Buffer.from('id,a\n', 'utf16le')],
      ['a short file of NUL bytes', Buffer.from([0x00, 0x00])],
    ])('for %s', async (_name, bytes) => {
      const error = await linesOf(bytes).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(IdgraphError);
      expect((error as IdgraphError).code).toBe('INPUT_UNREADABLE');
      expect((error as IdgraphError).message).toContain('test.csv');
      expect((error as IdgraphError).message).toContain('UTF-8');
    });
  });

  test('should read a file whose NUL byte comes after the first line end (the row is bad, not the encoding)', async () => {
    expect(await linesOf(Buffer.from('{}\n\u0000\n', 'utf8'))).toStrictEqual(plain(['{}', '\u0000']));
  });

  describe('should split lines', () => {
    test('for a last line without terminator', async () => {
      expect(await linesOf('a\nb')).toStrictEqual(plain(['a', 'b']));
    });

    test.each([1, 2, 3, 4, 5, 6, 7, 8, 100])('for CRLF line ends, dropping the CR, in chunks of %i bytes', async (chunkSize) => {
      expect(await linesOf('id,a,b\r\nb\r\n\r\nc\r\n', { chunkSize })).toStrictEqual(plain(['id,a,b', 'b', '', 'c']));
    });

    test('for CR-only line ends (classic Mac)', async () => {
      expect(await linesOf('a\rb\rc')).toStrictEqual(plain(['a', 'b', 'c']));
    });

    test('for blank lines, which keep their numbers', async () => {
      expect(await linesOf('\n\na\n \n')).toStrictEqual(plain(['', '', 'a', ' ']));
    });

    test('for a UTF-8 byte-order mark split across chunks', async () => {
      expect(await linesOf('\ufeffid\nx\n', { chunkSize: 1 })).toStrictEqual(plain(['id', 'x']));
    });

    test.prop([fc.array(fc.string({ unit: 'grapheme' }).map((text) => text.replace(/[\r\n]/g, '')), { maxLength: 20 }), fc.integer({ min: 1, max: 64 }), fc.boolean()])(
      'for any lines in any chunk size, as they were written',
      async (texts, chunkSize, crlf) => {
        const body = texts.map((text) => `${text}${crlf ? '\r\n' : '\n'}`).join('');
        const start = Buffer.from(body.slice(0, 4), 'utf8');
        fc.pre(!start.includes(0x00) && !(start[0] === 0xff && start[1] === 0xfe) && !(start[0] === 0xfe && start[1] === 0xff));
        const expected = plain(texts.map((text, index) => (index === 0 && text.startsWith('\ufeff') ? text.slice(1) : text)));
        expect(await linesOf(body, { chunkSize })).toStrictEqual(expected);
      },
    );
  });

  describe('should flag a line that is not UTF-8, and only that line', () => {
    test.each([1, 2, 3, 7, 1000])('for chunks of %i bytes', async (chunkSize) => {
      const bytes = Buffer.concat([Buffer.from('id,name\nr1,M\u00fcller\nr2,M'), Buffer.from([0xfc]), Buffer.from('ller\nr3,\u20ac\n')]);
      expect(await linesOf(bytes, { chunkSize })).toStrictEqual([
        { line: 1, text: 'id,name', problem: null },
        { line: 2, text: 'r1,M\u00fcller', problem: null },
        { line: 3, text: 'r2,M\ufffdller', problem: 'bad-encoding' },
        { line: 4, text: 'r3,\u20ac', problem: null },
      ]);
    });
  });

  describe('should drop the text of an over-long line and keep the lines after it', () => {
    test.each([1, 5, 64, 100_000])('for chunks of %i bytes', async (chunkSize) => {
      const input = `id\n${'x'.repeat(50)}\n${'\u00e4'.repeat(30)}\nok\n${'y'.repeat(500)}`;
      expect(await linesOf(input, { chunkSize, maxRecordChars: 20 })).toStrictEqual([
        { line: 1, text: 'id', problem: null },
        { line: 2, text: '', problem: 'too-long' },
        { line: 3, text: '', problem: 'too-long' },
        { line: 4, text: 'ok', problem: null },
        { line: 5, text: '', problem: 'too-long' },
      ]);
    });
  });
});

describe('checkFileStart', () => {
  describe('should return the bytes to skip', () => {
    test.each([
      ['no byte-order mark', Buffer.from('id,a'), 0],
      ['a UTF-8 byte-order mark', Buffer.from('\ufeffid', 'utf8'), 3],
      ['a file shorter than 4 bytes', Buffer.from('a'), 0],
    ])('for %s', (_name, head, skip) => {
      expect(checkFileStart(head, 'x.csv')).toBe(skip);
    });
  });
});
