// Tests for the NDJSON row parser: one object per line, everything else rejected with a code.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { parseNdjsonText } from './parse-text.js';

describe('createNdjsonRowParser', () => {
  describe('should emit nothing', () => {
    test.each([
      ['an empty file', ''],
      ['blank lines only', '\n \n\t\n'],
    ])('for %s', async (_name, text) => {
      expect(await parseNdjsonText(text)).toStrictEqual([]);
    });
  });

  describe('should reject a line that is not one flat object, with its code and line', () => {
    test.each([
      ['invalid JSON', '{"record_id": "r2"', 'INVALID_JSON', null, 'the line is not valid JSON'],
      ['a JSON array', '[1, 2]', 'NOT_AN_OBJECT', null, 'the line is a JSON array, not an object'],
      ['a JSON string', '"r2"', 'NOT_AN_OBJECT', null, 'the line is a JSON string, not an object'],
      ['JSON null', 'null', 'NOT_AN_OBJECT', null, 'the line is a JSON null, not an object'],
      ['a nested object', '{"record_id": "r2", "email": {"x": 1}}', 'NESTED_VALUE', 'email', 'field holds a JSON object; give one value per field'],
      ['a nested array', '{"record_id": "r2", "email": ["a"]}', 'NESTED_VALUE', 'email', 'field holds a JSON array; give one value per field'],
    ])('for %s', async (_name, line, code, field, detail) => {
      const rows = await parseNdjsonText(`{"record_id":"r1"}\n${line}\n{"record_id":"r3"}\n`);
      expect(rows).toStrictEqual([
        { kind: 'header', line: 1, values: ['record_id'] },
        { kind: 'row', line: 1, lastLine: 1, values: ['r1'] },
        { kind: 'malformed', line: 2, lastLine: 2, code, field, detail },
        { kind: 'row', line: 3, lastLine: 3, values: ['r3'] },
      ]);
    });

    test('for a line too long to keep', async () => {
      const rows = await parseNdjsonText(`{"record_id":"${'x'.repeat(500)}"}\n{"record_id":"r2"}`, { maxRecordChars: 100 });
      expect(rows.map((row) => [row.kind, row.line, row.kind === 'malformed' ? row.code : null])).toStrictEqual([
        ['malformed', 1, 'ROW_TOO_LONG'],
        ['header', 2, null],
        ['row', 2, null],
      ]);
    });

    test('for a line that is not UTF-8', async () => {
      const bytes = Buffer.concat([Buffer.from('{"record_id":"M'), Buffer.from([0xfc]), Buffer.from('"}\n')]);
      expect((await parseNdjsonText(bytes)).map((row) => (row.kind === 'malformed' ? row.code : row.kind))).toStrictEqual(['BAD_ENCODING']);
    });
  });

  describe('should turn scalar values into text', () => {
    test('for strings, numbers, booleans and null', async () => {
      expect(await parseNdjsonText('{"record_id": 7, "a": true, "b": null, "c": "x"}')).toStrictEqual([
        { kind: 'header', line: 1, values: ['record_id', 'a', 'b', 'c'] },
        { kind: 'row', line: 1, lastLine: 1, values: ['7', 'true', '', 'x'] },
      ]);
    });
  });

  describe('should emit a header only when the keys change', () => {
    test('for three rows with two key sets', async () => {
      const rows = await parseNdjsonText('{"a":"1"}\n{"a":"2"}\n{"b":"3"}\n');
      expect(rows.filter((row) => row.kind === 'header').map((row) => row.line)).toStrictEqual([1, 3]);
    });
  });

  describe('should never throw, and give each non-blank line exactly one row', () => {
    const line = fc.oneof(
      fc.json(),
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.string(), fc.integer(), fc.constant(null))).map((object) => JSON.stringify(object)),
    );
    test.prop([fc.array(line.map((text) => text.replace(/[\r\n]/g, ' ')), { maxLength: 20 }), fc.integer({ min: 1, max: 40 })])(
      'for hostile lines',
      async (lines, chunkSize) => {
        const text = `{}\n${lines.join('\n')}`;
        const rows = (await parseNdjsonText(text, { chunkSize, maxRecordChars: 200 })).filter((row) => row.kind !== 'header');
        const expected = text.split('\n').flatMap((content, index) => (content.trim() === '' ? [] : [index + 1]));
        expect(rows.map((row) => row.line)).toStrictEqual(expected);
      },
    );
  });
});
