// Reads entries of a run's query index: one shard's byte range per key, never the whole file.
import { open, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { errors } from '../errors/index.js';
import {
  dataFileOf,
  INDEX_DIR,
  INDEX_FORMAT,
  INDEX_KINDS,
  INDEX_META_FILE,
  INDEX_STATS_FILE,
  INDEX_VERSION,
  linePrefix,
  offsetsFileOf,
  type CustomerLine,
  type DetailsLine,
  type IdentifierLine,
  type IndexKind,
  type IndexMeta,
  type IndexStats,
  type RecordLine,
} from './index-format.js';
import { shardOf } from './shard-hash.js';

/** An opened index: where it is and how it is sharded. */
export interface QueryIndex {
  readonly dir: string;
  readonly meta: IndexMeta;
}

/** The line type of each kind. */
interface LineOf {
  readonly identifiers: IdentifierLine;
  readonly records: RecordLine;
  readonly customers: CustomerLine;
  readonly details: DetailsLine;
}

function isIndexMeta(value: unknown): value is IndexMeta {
  if (typeof value !== 'object' || value === null) return false;
  const meta = value as Partial<IndexMeta>;
  return (
    meta.format === INDEX_FORMAT &&
    meta.version === INDEX_VERSION &&
    typeof meta.shards === 'object' &&
    meta.shards !== null &&
    INDEX_KINDS.every((kind) => {
      const shards = meta.shards![kind];
      return Number.isInteger(shards) && shards > 0 && (shards & (shards - 1)) === 0;
    }) &&
    typeof meta.builtFrom === 'object' &&
    meta.builtFrom !== null
  );
}

/**
 * Reads `<runDir>/index/meta.json`.
 * @returns the index, or a reason it cannot be used ('missing' or 'invalid')
 */
export async function openQueryIndex(runDir: string): Promise<QueryIndex | 'missing' | 'invalid'> {
  const dir = join(runDir, INDEX_DIR);
  let text: string;
  try {
    text = await readFile(join(dir, INDEX_META_FILE), 'utf8');
  } catch {
    return 'missing';
  }
  let meta: unknown;
  try {
    meta = JSON.parse(text);
  } catch {
    return 'invalid';
  }
  return isIndexMeta(meta) ? { dir, meta } : 'invalid';
}

/** The text of one shard: 16 bytes of offsets, then that byte range of the data file, inflated. */
async function readShard(index: QueryIndex, kind: IndexKind, shard: number): Promise<string> {
  let file = offsetsFileOf(kind);
  try {
    const range = Buffer.alloc(16);
    const offsets = await open(join(index.dir, file), 'r');
    try {
      if ((await offsets.read(range, 0, 16, shard * 8)).bytesRead !== 16) throw new Error('truncated');
    } finally {
      await offsets.close();
    }
    const start = range.readDoubleLE(0);
    const length = range.readDoubleLE(8) - start;
    if (length === 0) return '';
    file = dataFileOf(kind);
    const data = await open(join(index.dir, file), 'r');
    try {
      const bytes = Buffer.alloc(length);
      if ((await data.read(bytes, 0, length, start)).bytesRead !== length) throw new Error('truncated');
      return inflateRawSync(bytes).toString('utf8');
    } finally {
      await data.close();
    }
  } catch {
    throw errors.queryIndexDamaged(dirname(index.dir), `${INDEX_DIR}/${file}`);
  }
}

/**
 * Every entry of `kind` whose key is `key` (several only for records: one per source).
 * Why not a binary search: a shard is a few hundred lines, and one indexOf over it is faster than
 * splitting it into lines first.
 */
export async function findEntries<K extends IndexKind>(index: QueryIndex, kind: K, key: string): Promise<LineOf[K][]> {
  const text = await readShard(index, kind, shardOf(key, index.meta.shards[kind]));
  const prefix = linePrefix(key);
  const found: LineOf[K][] = [];
  const atStart = text.startsWith(prefix);
  let at = atStart ? 0 : text.indexOf(`\n${prefix}`) + 1;
  if (at === 0 && !atStart) return found;
  for (;;) {
    const end = text.indexOf('\n', at);
    found.push(JSON.parse(text.slice(at, end < 0 ? text.length : end)) as LineOf[K]);
    if (end < 0 || !text.startsWith(prefix, end + 1)) break;
    at = end + 1;
  }
  return found;
}

/** The first entry of `kind` keyed `key`, or null. */
export async function findEntry<K extends IndexKind>(index: QueryIndex, kind: K, key: string): Promise<LineOf[K] | null> {
  return (await findEntries(index, kind, key))[0] ?? null;
}

/** `index/stats.json`. */
export async function readIndexStats(index: QueryIndex): Promise<IndexStats> {
  try {
    return JSON.parse(await readFile(join(index.dir, INDEX_STATS_FILE), 'utf8')) as IndexStats;
  } catch {
    throw errors.queryIndexDamaged(dirname(index.dir), `${INDEX_DIR}/${INDEX_STATS_FILE}`);
  }
}
