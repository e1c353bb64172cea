// Records given to the engine for good, so that it holds the only reference to them.
import type { InputRecord } from '../input/index.js';

/**
 * Records handed over to the engine: it takes them once, keeps of each what the later stages
 * read (RecordHead) and lets the rest go after stage 1.
 * NOTE: why a holder and not the array itself: an async function keeps its parameters alive until
 * it returns, even when the caller has dropped them (checked on Node 20), so an array passed to
 * resolveInParallel would stay in memory through every stage. At 1M records the input records
 * with their identifiers and attributes are ~500 MB of the live heap.
 */
export class RecordsHandOver {
  #records: readonly InputRecord[] | null;

  /** @param records the records; the caller keeps no other reference to them when it wants them freed */
  constructor(records: readonly InputRecord[]) {
    this.#records = records;
  }

  /**
   * The records, once: the holder is empty afterwards.
   * @throws Error when they were taken already (a hand-over serves one run)
   */
  take(): readonly InputRecord[] {
    const records = this.#records;
    if (records === null) throw new Error('RecordsHandOver: the records were taken already (a hand-over serves one run)');
    this.#records = null;
    return records;
  }
}
