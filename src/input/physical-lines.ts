// Splits a byte stream into numbered physical lines, flagging lines too long to hold or not valid UTF-8.
import { isUtf8 } from 'node:buffer';
import { errors } from '../errors/index.js';

/** What is wrong with a line as bytes, before any CSV or JSON parsing. */
export type LineProblem = 'too-long' | 'bad-encoding';

export interface PhysicalLine {
  /** 1-based; counts every line of the file, blank ones included. */
  readonly line: number;
  /** The line without its terminator; '' for a line that was too long (its bytes are dropped). */
  readonly text: string;
  readonly problem: LineProblem | null;
}

export interface PhysicalLineOptions {
  /** The file's name, for run-level errors. */
  readonly file: string;
  /** A line of more characters is not kept: it comes back empty with problem 'too-long'. */
  readonly maxLineChars: number;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Checks the first bytes of a file: a UTF-16/UTF-32 byte-order mark or NUL bytes end the run
 * (the rows cannot be read as UTF-8 text at all); a UTF-8 byte-order mark is skipped.
 * @returns the number of bytes to skip
 * @throws IdgraphError INPUT_UNREADABLE naming the file and how to convert it
 */
export function checkFileStart(head: Uint8Array, file: string): number {
  const [b0, b1, b2, b3] = [head[0], head[1], head[2], head[3]];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    throw errors.inputEncoding(file, 'the file is UTF-16 encoded (it starts with a UTF-16 byte-order mark)');
  }
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) {
    throw errors.inputEncoding(file, 'the file is UTF-32 encoded (it starts with a UTF-32 byte-order mark)');
  }
  // A NUL among the first four bytes, before any line end: ASCII text in UTF-16/32 without a mark
  // has one there. A NUL after the first line end is a bad row of a UTF-8 file (that row is
  // rejected), not a sign of the file's encoding.
  for (const byte of head.subarray(0, 4)) {
    if (byte === LF || byte === CR) break;
    if (byte === 0x00) throw errors.inputEncoding(file, 'the file starts with NUL bytes, so it is UTF-16/UTF-32 text without byte-order mark or not text at all');
  }
  return b0 === 0xef && b1 === 0xbb && b2 === 0xbf ? 3 : 0;
}

/** The line end of a file from its first CR or LF: LF (also for CRLF), CR, or null when it cannot tell yet. */
function lineEnd(head: Buffer): typeof LF | typeof CR | null {
  for (let index = 0; index < head.length; index++) {
    if (head[index] === LF) return LF;
    if (head[index] === CR) return index + 1 < head.length ? (head[index + 1] === LF ? LF : CR) : null;
  }
  return null;
}

/**
 * Yields the physical lines of a byte stream in batches (one batch per chunk read).
 * Lines end at LF, with a CR before it dropped (CRLF files); a file whose first line end is a CR
 * without LF is taken as CR-terminated (classic Mac). Memory stays bounded by maxLineChars:
 * the bytes of an over-long line are dropped as they arrive.
 * Why not readline: it decodes the whole stream as one string, so it cannot tell which line
 * held bytes that are not UTF-8, and it buffers a line of any length.
 * @throws IdgraphError INPUT_UNREADABLE for a UTF-16/UTF-32 file (see checkFileStart)
 */
export async function* physicalLines(chunks: AsyncIterable<Uint8Array | string>, options: PhysicalLineOptions): AsyncGenerator<PhysicalLine[]> {
  const { file, maxLineChars } = options;
  const maxPendingBytes = maxLineChars * 4;
  let head: Buffer | null = Buffer.alloc(0);
  let terminator = LF;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let overflow = false;
  let lineNumber = 0;

  const decoded = (bytes: Buffer): PhysicalLine => {
    lineNumber++;
    if (overflow || bytes.length > maxPendingBytes) return { line: lineNumber, text: '', problem: 'too-long' };
    let text = bytes.toString('utf8');
    if (terminator === LF && text.endsWith('\r')) text = text.slice(0, -1);
    if (text.length > maxLineChars) return { line: lineNumber, text: '', problem: 'too-long' };
    return { line: lineNumber, text, problem: isUtf8(bytes) ? null : 'bad-encoding' };
  };
  const keep = (bytes: Buffer) => {
    if (overflow || bytes.length === 0) return;
    pending.push(bytes);
    pendingBytes += bytes.length;
    if (pendingBytes > maxPendingBytes) {
      overflow = true;
      pending = [];
      pendingBytes = 0;
    }
  };
  const takePending = (tail: Buffer): PhysicalLine => {
    const line = decoded(pending.length === 0 ? tail : Buffer.concat([...pending, tail]));
    pending = [];
    pendingBytes = 0;
    overflow = false;
    return line;
  };
  /** The complete lines of `region` (which holds no final terminator): one decode when it is all UTF-8. */
  const regionLines = (region: Buffer, into: PhysicalLine[]) => {
    if (isUtf8(region)) {
      for (let text of region.toString('utf8').split(terminator === LF ? '\n' : '\r')) {
        lineNumber++;
        if (terminator === LF && text.endsWith('\r')) text = text.slice(0, -1);
        into.push(text.length > maxLineChars ? { line: lineNumber, text: '', problem: 'too-long' } : { line: lineNumber, text, problem: null });
      }
      return;
    }
    let start = 0;
    for (let end = region.indexOf(terminator, start); ; end = region.indexOf(terminator, start)) {
      into.push(decoded(region.subarray(start, end === -1 ? region.length : end)));
      if (end === -1) return;
      start = end + 1;
    }
  };

  for await (const piece of chunks) {
    let chunk = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : Buffer.isBuffer(piece) ? piece : Buffer.from(piece);
    if (head !== null) {
      head = Buffer.concat([head, chunk]);
      const mode = lineEnd(head);
      if (head.length < 4 || (mode === null && head.length <= maxPendingBytes)) continue;
      terminator = mode ?? LF;
      chunk = head.subarray(checkFileStart(head, file));
      head = null;
    }
    const batch: PhysicalLine[] = [];
    const first = chunk.indexOf(terminator);
    if (first === -1) {
      keep(chunk);
      continue;
    }
    batch.push(takePending(chunk.subarray(0, first)));
    const last = chunk.lastIndexOf(terminator);
    if (last > first) regionLines(chunk.subarray(first + 1, last), batch);
    keep(chunk.subarray(last + 1));
    yield batch;
  }
  if (head !== null && head.length > 0) {
    terminator = lineEnd(head) ?? LF;
    const rest = head.subarray(checkFileStart(head, file));
    const batch: PhysicalLine[] = [];
    const last = rest.lastIndexOf(terminator);
    if (last !== -1) regionLines(rest.subarray(0, last), batch);
    keep(rest.subarray(last + 1));
    if (batch.length > 0) yield batch;
  }
  if (pendingBytes > 0 || overflow) yield [takePending(Buffer.alloc(0))];
}
