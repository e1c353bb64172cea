// A run's state lines encoded before resolution, kept compressed until the state is written.
import { promisify } from 'node:util';
import { deflateRaw, inflateRawSync } from 'node:zlib';
import type { CustomerId } from '../ids/index.js';
import type { InputRecord } from '../input/index.js';
import { canonicalRecordOrder } from '../resolve/index.js';
import { pseudonymiseRecord, type StatePseudonymiser } from './pseudonymise-record.js';
import { stateLineBody, stateLineEnd, stateLinePrefix } from './state-record.js';
import type { LineBlock } from './write-state.js';

const deflate = promisify(deflateRaw);

/** Bytes of lines compressed as one piece: large enough to compress well, small enough to stream. */
const CHUNK_BYTES = 1 << 20;
/** Chunks being compressed at once, while the next is encoded. */
const COMPRESSING_AT_ONCE = 2;
/** What a drafted line gets when written: its end (customer ID field, closing brace) and the line break. */
const idSuffix = (customerId: CustomerId) => `${stateLineEnd(customerId)}\n`;
/** Bytes of idSuffix beyond the ID itself: customer IDs are ASCII and need no escaping (ids/customer-id.ts). */
const ID_SUFFIX_EXTRA = idSuffix('' as CustomerId).length;
const LINE_BREAK = 0x0a;

/** What the draft is completed with, per record in canonical order: the engine's result records. */
export type PublishedRecord = { readonly source: string; readonly recordId: string; readonly customerId: CustomerId };

/**
 * The state lines of a run's records without their customer IDs (stateLineBody), in canonical
 * record order, as UTF-8 deflated in chunks.
 * NOTE: why: the state is written last, but from the records as they were read; drafting it first
 * lets the engine free the records after its first stage (RecordsHandOver). At 1M records the
 * lines are ~420 MB, the draft ~45 MB, and the records it replaces were ~500 MB of heap (peak RSS
 * ~3,420 → ~3,150 MB, bench/RESULTS.md). Chunks are compressed on libuv's thread pool while the next is
 * encoded, at most COMPRESSING_AT_ONCE at a time: all at once, the ~400 pending chunks and zlib
 * streams held ~1 GB more, and the process never gave it back. They are inflated on this thread
 * when written (on the pool, each waited behind the run's file writes) and completed as bytes: no
 * string per line.
 */
export class StateDraft {
  private constructor(
    private readonly chunks: readonly Buffer[],
    /** Number of records (lines) drafted. */
    readonly records: number,
    /** Whether the lines hold pseudonyms (a --pseudonymise run), never raw identifiers. */
    readonly pseudonymised: boolean,
  ) {}

  /**
   * Drafts the state of `records` (the run's records, carried and new, in any order).
   * @param pseudonymiser set for a --pseudonymise run: the state then holds marked pseudonyms, never raw identifiers
   */
  static async of(records: readonly InputRecord[], pseudonymiser: StatePseudonymiser | null): Promise<StateDraft> {
    const chunks: Buffer[] = [];
    const compressing: Promise<void>[] = [];
    let bytes = Buffer.allocUnsafe(CHUNK_BYTES);
    let used = 0;
    const compress = async () => {
      const index = chunks.length;
      chunks.push(EMPTY);
      compressing.push(deflate(bytes.subarray(0, used), { level: 1 }).then((compressed) => void (chunks[index] = compressed)));
      bytes = Buffer.allocUnsafe(CHUNK_BYTES);
      used = 0;
      if (compressing.length >= COMPRESSING_AT_ONCE) await compressing.shift();
    };
    for (const record of canonicalRecordOrder(records)) {
      const line = stateLineBody(pseudonymiser === null ? record : pseudonymiseRecord(record, pseudonymiser));
      // At most 3 bytes per UTF-16 unit; a line longer than a chunk gets a chunk of its own size.
      const most = 3 * line.length + 1;
      if (used + most > bytes.length && used > 0) await compress();
      if (most > bytes.length) bytes = Buffer.allocUnsafe(most);
      used += bytes.write(line, used, 'utf8');
      bytes[used++] = LINE_BREAK;
    }
    if (used > 0) await compress();
    await Promise.all(compressing);
    return new StateDraft(chunks, records.length, pseudonymiser !== null);
  }

  /**
   * The complete state lines, each record's with its customer ID, a block per chunk.
   * @param published the run's result records, in canonical order as the draft's
   * @throws Error when `published` does not list the drafted records in their order (a bug, reported as an internal error)
   */
  *blocks(published: readonly PublishedRecord[]): Iterable<LineBlock> {
    if (published.length !== this.records) throw new Error('StateDraft: record count differs from the result');
    let expected = Buffer.allocUnsafe(1024);
    let index = 0;
    for (const chunk of this.chunks) {
      const bodies = inflateRawSync(chunk);
      let lines = 0;
      let size = bodies.length;
      for (let at = bodies.indexOf(LINE_BREAK); at >= 0; at = bodies.indexOf(LINE_BREAK, at + 1)) {
        const record = published[index + lines++];
        if (record === undefined) throw new Error('StateDraft: record count differs from the result');
        size += ID_SUFFIX_EXTRA + record.customerId.length - 1; // the body's line break is not copied
      }
      const out = Buffer.allocUnsafe(size);
      let used = 0;
      let start = 0;
      for (let line = 0; line < lines; line++) {
        const record = published[index++]!;
        const end = bodies.indexOf(LINE_BREAK, start);
        // Each line must be the published record's.
        const prefix = stateLinePrefix(record);
        const prefixBytes = Buffer.byteLength(prefix);
        if (prefixBytes > expected.length) expected = Buffer.allocUnsafe(prefixBytes);
        expected.write(prefix);
        if (end - start < prefixBytes || expected.compare(bodies, start, start + prefixBytes, 0, prefixBytes) !== 0) {
          throw new Error('StateDraft: record order differs from the result');
        }
        used += bodies.copy(out, used, start, end);
        const suffix = idSuffix(record.customerId);
        if (out.write(suffix, used, 'utf8') !== suffix.length) throw new Error('StateDraft: a customer ID is not in its ASCII format');
        used += suffix.length;
        start = end + 1;
      }
      yield { bytes: out.subarray(0, used), lines };
    }
  }
}

const EMPTY = Buffer.alloc(0);
