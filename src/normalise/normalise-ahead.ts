// The costly identifier types normalised ahead of the engine, on a worker thread, while the main thread drafts the state.
import { availableParallelism } from 'node:os';
import type { CountryCode } from 'libphonenumber-js';
import type { InputRecord } from '../input/index.js';
import { readMemory, roomFor, type MemoryReading } from '../memory/memory-pressure.js';
import { startWorker, workerFailure } from '../threads/start-worker.js';
import { normaliseIdentifier } from './identifier.js';
import type { InvalidReason, NormaliseResult } from './result.js';

/**
 * The identifier types whose normalisers cost more than a lookup of their result: phones (~9 µs:
 * libphonenumber-js) and emails (~1 µs: Unicode checks, NFKC). The normalise stage caches their
 * results per raw value; the other normalisers cost ~0.2 µs, less than a lookup in a map of a
 * million values.
 */
export const COSTLY_TYPES = ['phone', 'email'] as const;
export type CostlyType = (typeof COSTLY_TYPES)[number];
const isCostlyType = (type: string): type is CostlyType => (COSTLY_TYPES as readonly string[]).includes(type);
/** One entry per costly type, each made by `make`. */
export const perCostlyType = <T>(make: (type: CostlyType) => T): Record<CostlyType, T> =>
  Object.fromEntries(COSTLY_TYPES.map((type) => [type, make(type)])) as Record<CostlyType, T>;

/** Per costly type, the result of every raw value normalised so far: the normalise stage's caches. */
export type NormaliseCaches = ReadonlyMap<CostlyType, Map<string, NormaliseResult>>;

/** What the worker is given: the raw values of each costly type, in record order, repeats included. */
export interface AheadWorkerData {
  readonly defaultRegion: CountryCode;
  readonly raws: Readonly<Record<CostlyType, readonly string[]>>;
}

/**
 * The distinct raw values of one type and their results, as arrays (an array of strings crosses
 * threads far faster than an array of objects): `values[i]` is null exactly when the value is
 * invalid, and `reasons[i]` then says why.
 */
export interface NormalisedColumn {
  readonly raws: string[];
  readonly values: (string | null)[];
  readonly reasons: (InvalidReason | null)[];
}

/** The worker's one reply. */
export type AheadWorkerReply =
  | { readonly ok: true; readonly columns: Readonly<Record<CostlyType, NormalisedColumn>> }
  | { readonly ok: false; readonly message: string };

/** Normalises each distinct value of `raws` once (what the worker runs). */
export function normaliseColumn(type: CostlyType, raws: readonly string[], defaultRegion: CountryCode): NormalisedColumn {
  const seen = new Set<string>();
  const column: NormalisedColumn = { raws: [], values: [], reasons: [] };
  for (const raw of raws) {
    if (seen.has(raw)) continue;
    seen.add(raw);
    const result = normaliseIdentifier(type, raw, { defaultRegion });
    column.raws.push(raw);
    column.values.push(result.ok ? result.value : null);
    column.reasons.push(result.ok ? null : result.reason);
  }
  return column;
}

/** The cache a column fills (the normalise stage's form of it). */
export function cacheOf(column: NormalisedColumn): Map<string, NormaliseResult> {
  const cache = new Map<string, NormaliseResult>();
  for (let at = 0; at < column.raws.length; at++) {
    const value = column.values[at]!;
    cache.set(column.raws[at]!, value === null ? { ok: false, reason: column.reasons[at]! } : { ok: true, value });
  }
  return cache;
}

/** From this many costly values on, a worker is started (below, its start costs more than the values). */
export const AHEAD_MIN_VALUES = 20_000;

export interface AheadOptions {
  readonly defaultRegion: CountryCode;
  /** Start the worker from this many values of the costly types on (default AHEAD_MIN_VALUES). */
  readonly minValues?: number;
  /** CPU cores the process may use (default os.availableParallelism()); with one, the worker would only take turns with this thread. */
  readonly cores?: number;
  /** This process's and the machine's memory now (default readMemory()). */
  readonly memory?: MemoryReading;
}

/**
 * Bytes a raw value takes on its way through the worker, taken large: serialised here, copied
 * onto the worker's heap, and sent back with its result (~1 GB in all at 10M records).
 */
const copyBytesOf = (raw: string): number => 3 * (64 + 2 * raw.length);

const AHEAD_WORKER = new URL('./normalise-ahead-worker.js', import.meta.url);

/**
 * Starts normalising the phones and emails of `records` on a worker thread, for the normalise
 * stage's caches; the caller goes on (drafting the state) and awaits the caches before the engine.
 * Identifiers already pseudonymised (from a pseudonymised run's state) are not normalised again.
 * @returns the caches; empty (the stage then normalises every value itself) below `minValues`
 *   values, on one core, or when the machine has no room for the values' copies
 * @throws Error (the promise rejects) when the worker fails
 * NOTE: why: the normalise stage ran on one core while the other was idle, and phones alone took
 * ~2.4 s of it at 1M records (262k distinct values). The state stage before it leaves the second
 * core partly idle (only its deflate runs there, on libuv's pool): at 1M the state stage grows by
 * 1.3–2.5 s and the normalise stage shrinks by 3.4–5.5 s (bench/RESULTS.md, "Phones and emails
 * normalised ahead").
 */
export function normaliseAhead(records: readonly InputRecord[], options: AheadOptions): Promise<NormaliseCaches> {
  const raws = perCostlyType((): string[] => []);
  let count = 0;
  let copyBytes = 0;
  for (const record of records) {
    for (const identifier of record.identifiers) {
      if (identifier.pseudonymised === true || !isCostlyType(identifier.type)) continue;
      raws[identifier.type].push(identifier.raw);
      count++;
      copyBytes += copyBytesOf(identifier.raw);
    }
  }
  const worthIt = count >= (options.minValues ?? AHEAD_MIN_VALUES) && (options.cores ?? availableParallelism()) >= 2;
  if (!worthIt || !roomFor(copyBytes, options.memory ?? readMemory())) {
    return Promise.resolve(new Map(COSTLY_TYPES.map((type) => [type, new Map()])));
  }
  const worker = startWorker(AHEAD_WORKER, { workerData: { defaultRegion: options.defaultRegion, raws } satisfies AheadWorkerData });
  return new Promise<NormaliseCaches>((resolve, reject) => {
    worker.once('message', (reply: AheadWorkerReply) => {
      if (reply.ok) resolve(new Map(COSTLY_TYPES.map((type) => [type, cacheOf(reply.columns[type])])));
      else reject(new Error(`identifier normalising worker: ${reply.message}`));
    });
    worker.once('error', (error) => reject(workerFailure(error, 'the identifier normalising thread', 'resolve fewer records per run')));
    worker.once('exit', (code) => reject(new Error(`identifier normalising worker exited with code ${code} before it replied`)));
  });
}
