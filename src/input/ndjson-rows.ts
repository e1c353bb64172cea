// Turns physical lines of NDJSON (one JSON object per line) into rows with their line numbers.
import type { PhysicalLine } from './physical-lines.js';
import type { MalformedRow, RawRow } from './raw-row.js';
import type { RowRejectionCode } from './rejection.js';

export interface NdjsonRowParser {
  /** Parses one physical line; its row (after a header when the keys changed) goes to `emit`. */
  push(line: PhysicalLine): void;
}

const malformed = (line: number, code: RowRejectionCode, detail: string, field: string | null = null): MalformedRow =>
  ({ kind: 'malformed', line, lastLine: line, code, field, detail });

/**
 * An NDJSON parser: blank lines are skipped; every other line is a row, or a malformed row
 * when it is too long, not UTF-8, not JSON, not an object, or holds a nested object or array.
 * A header (the object's keys) comes before a row whenever the keys differ from the last row's.
 * Why not a library: NDJSON framing is one JSON.parse per line; the lines come from physicalLines.
 */
export function createNdjsonRowParser(options: { readonly maxRecordChars: number }, emit: (row: RawRow) => void): NdjsonRowParser {
  let previousKeys: string | null = null;
  return {
    push(line) {
      if (line.problem === 'too-long') {
        emit(malformed(line.line, 'ROW_TOO_LONG', `the line is longer than ${options.maxRecordChars} characters`));
        return;
      }
      if (line.text.trim() === '') return;
      if (line.problem === 'bad-encoding') {
        emit(malformed(line.line, 'BAD_ENCODING', 'the line is not valid UTF-8; re-export the file as UTF-8'));
        return;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(line.text);
      } catch {
        emit(malformed(line.line, 'INVALID_JSON', 'the line is not valid JSON'));
        return;
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        emit(malformed(line.line, 'NOT_AN_OBJECT', `the line is a JSON ${Array.isArray(parsed) ? 'array' : parsed === null ? 'null' : typeof parsed}, not an object`));
        return;
      }
      const object = parsed as Record<string, unknown>;
      const keys = Object.keys(object);
      const values: string[] = [];
      for (const key of keys) {
        const value = object[key];
        if (typeof value === 'object' && value !== null) {
          emit(malformed(line.line, 'NESTED_VALUE', `field holds a JSON ${Array.isArray(value) ? 'array' : 'object'}; give one value per field`, key));
          return;
        }
        values.push(value === null || value === undefined ? '' : String(value));
      }
      const signature = keys.join('\u0000');
      if (signature !== previousKeys) {
        previousKeys = signature;
        emit({ kind: 'header', line: line.line, values: keys });
      }
      emit({ kind: 'row', line: line.line, lastLine: line.line, values });
    },
  };
}
