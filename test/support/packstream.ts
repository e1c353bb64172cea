// PackStream v1, the value encoding of the Bolt protocol: a small codec for the Bolt test server.
//
// Reference: https://neo4j.com/docs/bolt/current/packstream/ . Integers decode to JS numbers,
// or to `bigint` outside ±(2^53 − 1) where a number would lose digits (the driver sends its
// `Integer` objects as INT_64 when they are large). Numbers encode as INT when they are safe
// integers and as FLOAT otherwise, so 1.0 goes out as INT 1 (see Known gaps in cypher-engine.ts).

/** A PackStream structure: a tag byte and its fields (Bolt messages, Node, Date, …). */
export class PackStruct {
  constructor(
    readonly tag: number,
    readonly fields: PackValue[],
  ) {}
}

export type PackValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | Uint8Array
  | readonly PackValue[]
  | { readonly [key: string]: PackValue }
  | PackStruct;

const TINY_INT_MIN = -16;
const TINY_INT_MAX = 127;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Encodes one value. Throws a TypeError for what PackStream cannot carry (undefined, functions, ints past 64 bits). */
export function pack(value: unknown): Buffer {
  const parts: Buffer[] = [];
  packInto(value, parts);
  return Buffer.concat(parts);
}

function packInto(value: unknown, out: Buffer[]): void {
  if (value === null || value === undefined) {
    out.push(Buffer.of(0xc0));
  } else if (typeof value === 'boolean') {
    out.push(Buffer.of(value ? 0xc3 : 0xc2));
  } else if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) packInt(BigInt(value), out);
    else packFloat(value, out);
  } else if (typeof value === 'bigint') {
    if (value < INT64_MIN || value > INT64_MAX) throw new TypeError(`integer ${value} does not fit in INT_64`);
    packInt(value, out);
  } else if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    packHeader(bytes.length, 0x80, 0xd0, out);
    out.push(bytes);
  } else if (value instanceof Uint8Array) {
    packHeader(value.length, null, 0xcc, out);
    out.push(Buffer.from(value));
  } else if (Array.isArray(value)) {
    packHeader(value.length, 0x90, 0xd4, out);
    for (const item of value) packInto(item, out);
  } else if (value instanceof PackStruct) {
    if (value.fields.length > 15) throw new TypeError('a struct has at most 15 fields');
    out.push(Buffer.of(0xb0 + value.fields.length, value.tag));
    for (const field of value.fields) packInto(field, out);
  } else if (typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    packHeader(entries.length, 0xa0, 0xd8, out);
    for (const [key, item] of entries) {
      packInto(key, out);
      packInto(item, out);
    }
  } else {
    throw new TypeError(`cannot encode a ${typeof value} in PackStream`);
  }
}

function packInt(value: bigint, out: Buffer[]): void {
  const n = Number(value);
  if (value >= BigInt(TINY_INT_MIN) && value <= BigInt(TINY_INT_MAX)) {
    out.push(Buffer.of(n & 0xff));
  } else if (n >= -128 && n <= 127) {
    const b = Buffer.alloc(2);
    b[0] = 0xc8;
    b.writeInt8(n, 1);
    out.push(b);
  } else if (n >= -32_768 && n <= 32_767) {
    const b = Buffer.alloc(3);
    b[0] = 0xc9;
    b.writeInt16BE(n, 1);
    out.push(b);
  } else if (n >= -2_147_483_648 && n <= 2_147_483_647) {
    const b = Buffer.alloc(5);
    b[0] = 0xca;
    b.writeInt32BE(n, 1);
    out.push(b);
  } else {
    const b = Buffer.alloc(9);
    b[0] = 0xcb;
    b.writeBigInt64BE(value, 1);
    out.push(b);
  }
}

function packFloat(value: number, out: Buffer[]): void {
  const b = Buffer.alloc(9);
  b[0] = 0xc1;
  b.writeDoubleBE(value, 1);
  out.push(b);
}

/** Writes a size header: a tiny marker (size < 16) when there is one, else the 8/16/32-bit marker. */
function packHeader(size: number, tiny: number | null, marker8: number, out: Buffer[]): void {
  if (tiny !== null && size < 16) {
    out.push(Buffer.of(tiny + size));
  } else if (size < 0x100) {
    out.push(Buffer.of(marker8, size));
  } else if (size < 0x10000) {
    const b = Buffer.alloc(3);
    b[0] = marker8 + 1;
    b.writeUInt16BE(size, 1);
    out.push(b);
  } else {
    const b = Buffer.alloc(5);
    b[0] = marker8 + 2;
    b.writeUInt32BE(size, 1);
    out.push(b);
  }
}

/** Decodes one value that fills `bytes` exactly. Throws a RangeError on truncated or unknown input. */
export function unpack(bytes: Buffer): PackValue {
  const reader = new Reader(bytes);
  const value = reader.value();
  if (reader.pos !== bytes.length) throw new RangeError(`${bytes.length - reader.pos} bytes left after the value`);
  return value;
}

class Reader {
  pos = 0;
  constructor(private readonly buf: Buffer) {}

  value(): PackValue {
    const marker = this.u8();
    if (marker <= 0x7f) return marker;
    if (marker >= 0xf0) return marker - 0x100;
    const high = marker & 0xf0;
    if (high === 0x80) return this.string(marker & 0x0f);
    if (high === 0x90) return this.list(marker & 0x0f);
    if (high === 0xa0) return this.map(marker & 0x0f);
    if (high === 0xb0) return this.struct(marker & 0x0f);
    switch (marker) {
      case 0xc0:
        return null;
      case 0xc1:
        return this.take(8).readDoubleBE(0);
      case 0xc2:
        return false;
      case 0xc3:
        return true;
      case 0xc8:
        return this.take(1).readInt8(0);
      case 0xc9:
        return this.take(2).readInt16BE(0);
      case 0xca:
        return this.take(4).readInt32BE(0);
      case 0xcb: {
        const big = this.take(8).readBigInt64BE(0);
        const safe = big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER);
        return safe ? Number(big) : big;
      }
      case 0xcc:
      case 0xcd:
      case 0xce:
        return Uint8Array.from(this.take(this.size(marker - 0xcc)));
      case 0xd0:
      case 0xd1:
      case 0xd2:
        return this.string(this.size(marker - 0xd0));
      case 0xd4:
      case 0xd5:
      case 0xd6:
        return this.list(this.size(marker - 0xd4));
      case 0xd8:
      case 0xd9:
      case 0xda:
        return this.map(this.size(marker - 0xd8));
      default:
        throw new RangeError(`unknown PackStream marker 0x${marker.toString(16)}`);
    }
  }

  private size(width: number): number {
    if (width === 0) return this.u8();
    if (width === 1) return this.take(2).readUInt16BE(0);
    return this.take(4).readUInt32BE(0);
  }

  private string(length: number): string {
    return this.take(length).toString('utf8');
  }

  private list(length: number): PackValue[] {
    const items: PackValue[] = [];
    for (let i = 0; i < length; i++) items.push(this.value());
    return items;
  }

  private map(length: number): { [key: string]: PackValue } {
    const out: { [key: string]: PackValue } = {};
    for (let i = 0; i < length; i++) {
      const key = this.value();
      if (typeof key !== 'string') throw new RangeError('a map key must be a string');
      // defineProperty, not assignment: a "__proto__" key stays a plain key.
      Object.defineProperty(out, key, { value: this.value(), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }

  private struct(size: number): PackStruct {
    const tag = this.u8();
    return new PackStruct(tag, this.list(size));
  }

  private u8(): number {
    return this.take(1)[0] as number;
  }

  private take(n: number): Buffer {
    if (this.pos + n > this.buf.length) throw new RangeError('truncated PackStream value');
    const slice = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return slice;
  }
}
