// The hash that places an index key in its shard: the writer and every reader must agree on it.

/**
 * 32-bit FNV-1a over the UTF-16 code units of `key`.
 * Why not node:crypto: a digest per key costs microseconds and allocates; this costs nanoseconds,
 * and shard placement needs spread, not collision resistance.
 */
export function fnv1a32(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * The shard of `key` among `shards` shards.
 * @param shards a power of two (see chooseShardCount)
 */
export function shardOf(key: string, shards: number): number {
  return fnv1a32(key) & (shards - 1);
}

/**
 * The number of shards for `items` entries so that a shard holds about `perShard` of them:
 * the smallest power of two that gets there, between 1 and 65,536.
 */
export function chooseShardCount(items: number, perShard: number): number {
  let shards = 1;
  while (shards < 65_536 && shards * perShard < items) shards *= 2;
  return shards;
}
