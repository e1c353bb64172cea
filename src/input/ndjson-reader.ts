// Streams an NDJSON file (one JSON object per line) into raw rows with their line numbers.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { RawRow } from './csv-reader.js';

/**
 * Yields, for each non-blank line, a header (the object's keys, when they differ from the
 * previous line's) and a row, or a malformed row when the line is not a JSON object.
 * Why not a library: NDJSON framing is one `JSON.parse` per line; readline does the streaming.
 */
export async function* readNdjson(path: string, maxLineLength: number, onBytes?: (bytes: number) => void): AsyncGenerator<RawRow> {
  const stream = createReadStream(path, { encoding: 'utf8' });
  let bytes = 0;
  if (onBytes) stream.on('data', (chunk) => onBytes((bytes += Buffer.byteLength(chunk))));
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNumber = 0;
  let previousKeys = '';
  for await (let text of lines) {
    lineNumber++;
    if (lineNumber === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.trim() === '') continue;
    if (text.length > maxLineLength) {
      yield { kind: 'malformed', line: lineNumber, detail: 'the line is larger than the maximum record size' };
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      yield { kind: 'malformed', line: lineNumber, detail: 'not valid JSON' };
      continue;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      yield { kind: 'malformed', line: lineNumber, detail: 'not a JSON object' };
      continue;
    }
    const object = parsed as Record<string, unknown>;
    const keys = Object.keys(object);
    const signature = keys.join('\u0000');
    if (signature !== previousKeys) {
      previousKeys = signature;
      yield { kind: 'header', line: lineNumber, values: keys };
    }
    yield { kind: 'row', line: lineNumber, values: keys.map((key) => scalarText(object[key])) };
  }
}

function scalarText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
