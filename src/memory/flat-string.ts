// Strings kept for a whole run, made flat and shared: no rope wrappers, no copies of one text.

/**
 * The parts as one flat string.
 * NOTE: V8 makes a concatenation (`+`, a template literal, `concat`) of 13 characters or more a
 * rope: a 32-byte ConsString over its parts. Sorting, writing or comparing a rope copies it into
 * a new flat string and leaves the rope in place as a wrapper, so a kept key costs the rope, the
 * flat copy and whatever parts nothing else holds. At 310k records a heap snapshot before the
 * write stage held ~2M such ropes (64 MB). `Array.prototype.join` of two or more non-empty parts
 * writes one flat string: ~16 bytes plus one per character, nothing else. (Of one non-empty part
 * it returns that part as it is.)
 */
export function flatConcat(...parts: string[]): string {
  return parts.join('');
}

/** A flat copy of `text`, whatever it was built from (exact for any string, lone surrogates too). */
export const flatCopy = (text: string): string => JSON.parse(JSON.stringify(text)) as string;

/**
 * One instance per distinct text: a value met many times (a record's source as the parsing
 * thread copied it per row, a fuzzy link's matcher and evidence) is then held once, not once per
 * row that has it.
 */
export class StringPool {
  private readonly instances = new Map<string, string>();

  /** The pool's instance of `text` (a flat copy of `text` the first time). */
  of(text: string): string {
    let instance = this.instances.get(text);
    if (instance === undefined) {
      instance = flatCopy(text);
      this.instances.set(instance, instance);
    }
    return instance;
  }

  /** How many distinct texts the pool holds. */
  get size(): number {
    return this.instances.size;
  }
}
