// Writes the query index of a run directory (`<run>/index/`), so queries answer without reloading the whole graph.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { mkdir, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import type { RefusalRule, ResolutionResult } from '../resolve/index.js';
import { roomFor, type MemoryReading } from '../memory/memory-pressure.js';
import { startWorker, workerFailure } from '../threads/start-worker.js';
import {
  dataFileOf,
  ENTRIES_PER_SHARD,
  INDEX_DIR,
  INDEX_FORMAT,
  INDEX_META_FILE,
  INDEX_STATS_FILE,
  INDEX_VERSION,
  INDEXED_RUN_FILES,
  offsetsFileOf,
  SHARD_COMPRESSION_LEVEL,
  type DetailsLine,
  type IdentifierLine,
  type IndexKind,
  type IndexMeta,
  type LinkRow,
  type RefusedRow,
} from './index-format.js';
import { customerAt, toIndexColumns, valueAt, withAdded, type EdgeColumns, type MemberColumns } from './index-columns.js';
import type { IndexSource } from './index-source.js';
import { computeIndexStats } from './index-stats.js';
import { readIndexSource } from './run-csv-source.js';
import { chooseShardCount, shardOf } from './shard-hash.js';

const WRITE_CHUNK = 1 << 20;

/** Item indices grouped by shard: shard `s` holds `order[starts[s] .. starts[s + 1])`. */
interface Buckets {
  readonly order: Int32Array;
  readonly starts: Int32Array;
}

/** A counting sort of `count` items into `shards` buckets; a shard of -1 leaves the item out. */
function bucketByShard(count: number, shards: number, shardOfItem: (item: number) => number): Buckets {
  const shardIds = new Int32Array(count);
  const starts = new Int32Array(shards + 1);
  for (let item = 0; item < count; item++) {
    const shard = shardOfItem(item);
    shardIds[item] = shard;
    if (shard >= 0) starts[shard + 1]!++;
  }
  for (let shard = 0; shard < shards; shard++) starts[shard + 1]! += starts[shard]!;
  const next = starts.slice(0, shards);
  const order = new Int32Array(starts[shards]!);
  for (let item = 0; item < count; item++) {
    const shard = shardIds[item]!;
    if (shard >= 0) order[next[shard]!++] = item;
  }
  return { order, starts };
}

const byKey = (a: { readonly key: string; readonly line: string }, b: { readonly key: string; readonly line: string }) =>
  a.key < b.key ? -1 : a.key > b.key ? 1 : a.line < b.line ? -1 : a.line > b.line ? 1 : 0;

/**
 * Writes `<kind>.shards` (each shard deflated on its own) and `<kind>.offsets` (shards + 1
 * float64 LE byte offsets), asking `textOfShard` for each shard's lines in turn so only one
 * shard is in memory.
 * NOTE: deflated on this thread (deflateRawSync): the asynchronous deflateRaw costs its caller
 * more than the compression itself, a stream and its bookkeeping per call; at 1M records the
 * ~5,000 shards cost the index worker ~4.5 s that way (cpuprofile), and 2,000 shards of ~18 KB
 * take 90 ms synchronously against 340 ms asynchronously, 4 in flight.
 */
async function writeShardedFile(dir: string, kind: IndexKind, shards: number, textOfShard: (shard: number) => string): Promise<void> {
  const offsets = new Float64Array(shards + 1);
  const handle = await open(join(dir, dataFileOf(kind)), 'w');
  try {
    let position = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    for (let shard = 0; shard < shards; shard++) {
      offsets[shard] = position;
      const text = textOfShard(shard);
      if (text === '') continue;
      const compressed = deflateRawSync(text, { level: SHARD_COMPRESSION_LEVEL });
      position += compressed.length;
      pending.push(compressed);
      pendingBytes += compressed.length;
      if (pendingBytes >= WRITE_CHUNK) {
        await handle.write(Buffer.concat(pending));
        pending = [];
        pendingBytes = 0;
      }
    }
    offsets[shards] = position;
    if (pending.length > 0) await handle.write(Buffer.concat(pending));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await writeFile(join(dir, offsetsFileOf(kind)), new Uint8Array(offsets.buffer), { flush: true });
}

/** Writes a kind whose entries are one line each, keyed by `keyOf`. */
async function writeKeyedKind(
  dir: string,
  kind: IndexKind,
  count: number,
  keyOf: (item: number) => string,
  lineOf: (item: number, key: string) => string,
): Promise<number> {
  const shards = chooseShardCount(count, ENTRIES_PER_SHARD[kind]);
  const buckets = bucketByShard(count, shards, (item) => shardOf(keyOf(item), shards));
  await writeShardedFile(dir, kind, shards, (shard) => {
    const lines: { key: string; line: string }[] = [];
    for (let at = buckets.starts[shard]!; at < buckets.starts[shard + 1]!; at++) {
      const item = buckets.order[at]!;
      const key = keyOf(item);
      lines.push({ key, line: lineOf(item, key) });
    }
    lines.sort(byKey);
    return lines.map((entry) => `${entry.line}\n`).join('');
  });
  return shards;
}

/** Every customer ID the two parts refer to, by position (see CustomerColumn). */
const allCustomerIds = (members: MemberColumns, edges: EdgeColumns): readonly string[] => withAdded(members.customerIds, edges.moreCustomerIds);

/** Writes `details.shards`: per customer its identifiers, records, links and refused merges. */
async function writeDetails(dir: string, members: MemberColumns, edges: EdgeColumns): Promise<number> {
  const { records, identifiers } = members;
  const { links, refused } = edges;
  const ids = allCustomerIds(members, edges);
  const customerCount = members.customers.permissionLevel.length;
  const shards = chooseShardCount(customerCount, ENTRIES_PER_SHARD.details);
  // Each customer's shard hashed once; rows find theirs by position. Only customers with a row have
  // a details entry: an item whose customer is not among them (a hand-edited run file) is left out.
  const shardOfPosition = new Int32Array(customerCount);
  for (let position = 0; position < customerCount; position++) shardOfPosition[position] = shardOf(ids[position]!, shards);
  const shardOfCustomer = (position: number) => (position < 0 || position >= customerCount ? -1 : shardOfPosition[position]!);
  // A refused merge belongs to both customers it would have joined: entry 2i is its from side, 2i + 1 its to side.
  const refusedCustomer = (entry: number): number => {
    const merge = entry >> 1;
    const from = refused.fromCustomer[merge]!;
    if ((entry & 1) === 0) return from;
    const to = refused.toCustomer[merge]!;
    return to === from ? -1 : to;
  };

  const customerBuckets = bucketByShard(customerCount, shards, shardOfCustomer);
  const recordBuckets = bucketByShard(records.recordId.length, shards, (item) => shardOfCustomer(records.customerId[item]!));
  const identifierBuckets = bucketByShard(identifiers.value.length, shards, (item) => shardOfCustomer(identifiers.customerId[item]!));
  const linkBuckets = bucketByShard(links.from.length, shards, (item) => shardOfCustomer(links.customerId[item]!));
  const refusedBuckets = bucketByShard(refused.from.length * 2, shards, (entry) => shardOfCustomer(refusedCustomer(entry)));

  interface Group {
    identifiers: (readonly [string, string, number])[];
    records: (readonly [string, string])[];
    links: LinkRow[];
    refused: RefusedRow[];
  }
  const compare = (a: readonly [string, string, ...unknown[]], b: readonly [string, string, ...unknown[]]) =>
    a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
  await writeShardedFile(dir, 'details', shards, (shard) => {
    const groups = new Map<number, Group>();
    const each = (buckets: Buckets, visit: (item: number) => void) => {
      for (let at = buckets.starts[shard]!; at < buckets.starts[shard + 1]!; at++) visit(buckets.order[at]!);
    };
    // A customer ID on two rows (a hand-edited file) gets one entry, at its first row, where its items point.
    const seen = new Set<string>();
    each(customerBuckets, (position) => {
      if (seen.has(ids[position]!)) return;
      seen.add(ids[position]!);
      groups.set(position, { identifiers: [], records: [], links: [], refused: [] });
    });
    each(recordBuckets, (item) => groups.get(records.customerId[item]!)?.records.push([valueAt(records.source, item), records.recordId[item]!]));
    each(identifierBuckets, (item) =>
      groups.get(identifiers.customerId[item]!)?.identifiers.push([valueAt(identifiers.type, item), identifiers.value[item]!, identifiers.records[item]!]),
    );
    each(linkBuckets, (item) =>
      groups
        .get(links.customerId[item]!)
        ?.links.push([links.from[item]!, links.to[item]!, valueAt(links.matcher, item), links.weight[item]!, valueAt(links.evidence, item)]),
    );
    each(refusedBuckets, (entry) => {
      const merge = entry >> 1;
      groups
        .get(refusedCustomer(entry))
        ?.refused.push([
          refused.from[merge]!,
          refused.to[merge]!,
          valueAt(refused.rule, merge) as RefusalRule,
          valueAt(refused.detail, merge),
          valueAt(refused.matcher, merge),
          refused.weight[merge]!,
          customerAt(ids, refused.fromCustomer, merge),
          customerAt(ids, refused.toCustomer, merge),
        ]);
    });
    const lines = [...groups].map(([position, group]) => {
      const id = ids[position]!;
      const line: DetailsLine = [id, group.identifiers.sort(compare), group.records.sort(compare), group.links, group.refused];
      return { key: id, line: JSON.stringify(line) };
    });
    lines.sort(byKey);
    return lines.map((entry) => `${entry.line}\n`).join('');
  });
  return shards;
}

/** Byte sizes of the run files the index is built from (null for a missing file). */
async function runFileSizes(runDir: string): Promise<Record<string, number | null>> {
  const sizes: Record<string, number | null> = {};
  for (const file of INDEXED_RUN_FILES) {
    sizes[file] = await stat(join(runDir, file)).then((info) => info.size, () => null);
  }
  return sizes;
}

/**
 * Writes a complete index for `source` into `indexDir` (created; meta.json is written last).
 * @param builtFrom the sizes of the run files `source` corresponds to (see IndexMeta), or a function
 *   that gives them once those files are complete (asked for after the index data is written)
 */
export async function writeIndexDirectory(indexDir: string, source: IndexSource, builtFrom: BuiltFrom): Promise<void> {
  const columns = toIndexColumns(source);
  await writeIndexFromColumns(indexDir, columns.members, columns.edges(), builtFrom);
}

type BuiltFrom = Readonly<Record<string, number | null>> | (() => Promise<Readonly<Record<string, number | null>>>);

/**
 * Writes a complete index from its columns (created; meta.json is written last): the identifiers,
 * records and customers kinds from `members`, then, once `edges` is there, the details and stats.
 * NOTE: from columns, not rows: the worker would otherwise rebuild ~4M row objects at 1M records
 * (seconds of its time, most of it garbage collection, and hundreds of MB at the run's peak).
 */
async function writeIndexFromColumns(indexDir: string, members: MemberColumns, edges: EdgeColumns | Promise<EdgeColumns>, builtFrom: BuiltFrom): Promise<void> {
  await mkdir(indexDir, { recursive: true });
  const { identifiers, junk, records, customers, customerIds } = members;
  const identifierCount = identifiers.value.length;
  const identifierKey = (item: number) =>
    item < identifierCount ? `${valueAt(identifiers.type, item)}:${identifiers.value[item]!}` : junk[item - identifierCount]!.key;
  const identifierShards = await writeKeyedKind(indexDir, 'identifiers', identifierCount + junk.length, identifierKey, (item, key) => {
    const line: IdentifierLine =
      item < identifierCount
        ? [key, customerAt(customerIds, identifiers.customerId, item), identifiers.records[item]!, null]
        : [key, null, junk[item - identifierCount]!.records, junk[item - identifierCount]!.reason];
    return JSON.stringify(line);
  });
  const recordShards = await writeKeyedKind(
    indexDir,
    'records',
    records.recordId.length,
    (item) => records.recordId[item]!,
    (item, key) => JSON.stringify([key, valueAt(records.source, item), customerAt(customerIds, records.customerId, item)]),
  );
  const customerShards = await writeKeyedKind(
    indexDir,
    'customers',
    customers.permissionLevel.length,
    (item) => customerIds[item]!,
    (item, key) => JSON.stringify([key, customers.permissionLevel[item]!, customers.records[item]!, customers.identifiers[item]!, customers.sources[item]!]),
  );
  const edgeColumns = await edges;
  const detailShards = await writeDetails(indexDir, members, edgeColumns);
  await writeFile(join(indexDir, INDEX_STATS_FILE), `${JSON.stringify(computeIndexStats(members, edgeColumns))}\n`, { flush: true });
  const meta: IndexMeta = {
    format: INDEX_FORMAT,
    version: INDEX_VERSION,
    shards: { identifiers: identifierShards, records: recordShards, customers: customerShards, details: detailShards },
    builtFrom: typeof builtFrom === 'function' ? await builtFrom() : builtFrom,
  };
  await writeFile(join(indexDir, INDEX_META_FILE), `${JSON.stringify(meta, null, 2)}\n`, { flush: true });
}

/** What the main thread hands the index worker (index-worker.ts) as it starts. */
export interface IndexWorkerData {
  readonly stagingDir: string;
  readonly members: MemberColumns;
}
/**
 * The main thread's messages to the index worker: the edges (sent right after the start), then
 * whether the run's CSV files are complete.
 */
export type IndexWorkerMessage = { readonly edges: EdgeColumns } | 'run-files-written' | 'run-files-failed';
/** The index worker's one message back. */
export type IndexWorkerReply = { readonly ok: true } | { readonly ok: false; readonly message: string };

/**
 * Writes the query index from its columns into `<stagingDir>/index/` on this thread; its meta.json
 * records the run files' sizes once `runFilesWritten` settles.
 */
export async function writeQueryIndexHere(
  stagingDir: string,
  members: MemberColumns,
  edges: EdgeColumns | Promise<EdgeColumns>,
  runFilesWritten: Promise<void>,
): Promise<void> {
  await writeIndexFromColumns(join(stagingDir, INDEX_DIR), members, edges, async () => {
    await runFilesWritten;
    return runFileSizes(stagingDir);
  });
}

/** The worker script beside this module; absent when running from the TypeScript sources (tests). */
const INDEX_WORKER = new URL('./index-worker.js', import.meta.url);

/** Runs writeQueryIndexHere in a worker thread, so the index (the largest part of the write stage) uses the second core. */
async function writeQueryIndexInWorker(stagingDir: string, source: IndexSource, runFilesWritten: Promise<void>): Promise<void> {
  // The members first: the worker writes three of the four kinds from them while this thread splits the edges.
  const columns = toIndexColumns(source);
  const worker = startWorker(INDEX_WORKER, { workerData: { stagingDir, members: columns.members } satisfies IndexWorkerData });
  const send = (message: IndexWorkerMessage) => worker.postMessage(message);
  send({ edges: columns.edges() });
  runFilesWritten.then(() => send('run-files-written'), () => send('run-files-failed'));
  let reply: IndexWorkerReply | null = null;
  worker.once('message', (message: IndexWorkerReply) => (reply = message));
  const [exitCode] = (await Promise.race([
    once(worker, 'exit'),
    once(worker, 'error').then(([error]) => Promise.reject(workerFailure(error as Error, 'the query index thread', 'resolve fewer records per run'))),
  ])) as [number];
  const outcome = reply as IndexWorkerReply | null;
  if (outcome === null) throw new Error(`query index worker exited with code ${exitCode} before it finished`);
  if (!outcome.ok) throw new Error(`query index: ${outcome.message}`);
}

/**
 * Where the query index is written: on a worker thread (beside the CSV files, on the second core;
 * the worker gets a copy of the result's columns) or on this thread (no copy, the index's time
 * added to this thread's). The files are the same byte for byte.
 */
export type IndexThread = 'worker' | 'this-thread';

/**
 * Where the query index is written, from this thread's memory read right after the collection
 * before the write stage (its heap then holds the live result and little else).
 * NOTE: the worker's copy of the result's columns (strings copied, serialised here and rebuilt
 * on its heap) is taken to be as large as this thread's live heap, about twice what it was
 * measured at: at 10M records with fuzzy matching on, 10.1 GB live here, the hand-over took the
 * process from ~15 to ~19–22 GB, and one run of two was killed out of memory there
 * (bench/RESULTS.md). On this thread the index costs no copy, only time.
 */
export function indexThreadFor(reading: MemoryReading): IndexThread {
  return roomFor(reading.heapUsed, reading) ? 'worker' : 'this-thread';
}

/**
 * Writes the query index files into a run's staging directory. Called by `resolve` as an extra
 * writer of writeRun, while the CSV files are being written (in a worker thread when the built
 * worker script is there and `thread` allows it); the index records their sizes once
 * `runFilesWritten` settles.
 * @param stagingDir the staging directory of the run being written
 * @param result the resolution the run's files were written from
 * @param runFilesWritten settles when the run's CSV files are complete in `stagingDir`
 * @param thread 'this-thread' when the machine has no room for the worker's copy of the columns
 */
export async function writeQueryIndex(stagingDir: string, result: ResolutionResult, runFilesWritten: Promise<void>, thread: IndexThread = 'worker'): Promise<void> {
  // NOTE: unlike the parsing and fuzzy workers, this one is not run from its TypeScript source in
  // the tests: most in-process tests write an index, and a worker through tsx costs ~0.3 s to start.
  // The built CLI's tests compare its worker-written index with the in-thread one byte for byte.
  if (thread === 'worker' && existsSync(fileURLToPath(INDEX_WORKER))) await writeQueryIndexInWorker(stagingDir, result, runFilesWritten);
  else {
    const columns = toIndexColumns(result);
    await writeQueryIndexHere(stagingDir, columns.members, columns.edges(), runFilesWritten);
  }
}

/**
 * Rebuilds `<runDir>/index/` from the run's CSV files (records, identifiers, customers, links,
 * refused) and report.json's junk list. For commands that change those files after the run:
 * `forget` rewrites the CSVs, then calls this on the same directory (a staging directory works
 * as well as a published run). The new index is written beside the old one and swapped in, so
 * a reader sees the old index or the new one.
 * NOTE: the swap is two renames (old → retired, new → index); a crash between them leaves the
 * run without `index/`, which queries report as "no query index" until the next rebuild.
 * @param runDir a run directory (or its staging directory) whose CSV files are complete
 * @throws IdgraphError RUN_DIR_INVALID when a run file is missing or has another header
 * @example await rewriteQueryIndex('out/run-2024-06-01')
 */
export async function rewriteQueryIndex(runDir: string): Promise<void> {
  const source = await readIndexSource(runDir);
  const sizes = await runFileSizes(runDir);
  const suffix = randomBytes(4).toString('hex');
  const staging = join(runDir, `.index-staging-${suffix}`);
  const target = join(runDir, INDEX_DIR);
  try {
    await writeIndexDirectory(staging, source, sizes);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const retired = join(runDir, `.index-retired-${suffix}`);
  const exists = await stat(target).then(() => true, () => false);
  if (exists) await rename(target, retired);
  await rename(staging, target);
  if (exists) await rm(retired, { recursive: true, force: true });
}
