import type { InventoryTracking, OptionValueRow, ProductRow, VariantRow } from './types';

/**
 * One chunk of the cache file (up to 1,000 products):
 *
 *   u32 LE  byte length of the string table        u32 LE  number of int32 values
 *   string table: a JSON array of each distinct string of the chunk, once
 *   zero padding to a multiple of 4               int32 values (platform order; the file is machine-local)
 *
 * The int32 stream holds ids, counts, stock, flags and indexes into the string table, in the field
 * order of readProduct below (that order is the schema: change it → bump CACHE_SCHEMA).
 * NULL marks null. Weights go through the string table so any JS number round-trips exactly.
 *
 * Why: at 100k products ≈ 490k rows, reading and writing are dominated by JSON.parse allocations
 * and by number-to-text formatting. Measured on the 2-core dev box (100k products, 387k variants,
 * loaded box): keyed-object JSON 138 MB, parse alone 1.6-2.4 s; tuple JSON 46 MB, 1.1-2.3 s to
 * parse and build; a JSON number stream 32 MB, encode 1.5-2.5 s. Strings like "0.00", "Color" or
 * a date are stored once per chunk, numbers are never formatted, and option values that repeat
 * across variants are shared on decode.
 */
export class CacheInvalid extends Error {}

const NULL = -2147483648;
const INT32_MAX = 2147483647;
const TRACKING = new Set<string>(['none', 'product', 'variant']);

class IntWriter {
  values = new Int32Array(16_384);
  length = 0;

  /** A value from a row: must be an int32 other than NULL (BigCommerce ids and stock are). */
  push(v: number): void {
    if (!Number.isInteger(v) || v <= NULL || v > INT32_MAX) throw new RangeError(`cache: ${v} does not fit an int32`);
    this.pushRaw(v);
  }

  pushNullable(v: number | null): void {
    if (v === null) this.pushRaw(NULL);
    else this.push(v);
  }

  /** A string reference or NULL, already known to fit. */
  pushRaw(v: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = v;
  }
}

class StringTable {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();

  ref(s: string | null): number {
    if (s === null) return NULL;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

function writeProduct(p: ProductRow, w: IntWriter, t: StringTable): void {
  w.push(p.id);
  for (const s of [p.name, p.sku, p.price, p.sale_price, p.cost_price, p.retail_price]) w.pushRaw(t.ref(s));
  w.push(p.inventory_level);
  w.pushRaw(t.ref(p.inventory_tracking));
  w.pushRaw(t.ref(p.bin_picking_number));
  w.push(p.is_visible ? 1 : 0);
  w.push(p.brand_id);
  w.push(p.categories.length);
  for (const c of p.categories) w.push(c);
  w.pushRaw(t.ref(String(p.weight)));
  w.pushRaw(t.ref(p.date_modified));
  w.pushRaw(t.ref(p.type));
  w.push(p.inventory_warning_level);
  w.pushRaw(t.ref(p.thumbnail_url ?? ''));
  w.push(p.variants.length);
  for (const v of p.variants) writeVariant(v, w, t);
}

function writeVariant(v: VariantRow, w: IntWriter, t: StringTable): void {
  w.push(v.id);
  for (const s of [v.sku, v.price, v.sale_price, v.cost_price]) w.pushRaw(t.ref(s));
  w.pushNullable(v.inventory_level);
  w.pushRaw(t.ref(v.bin_picking_number));
  w.push(v.option_values.length);
  for (const o of v.option_values) {
    w.pushRaw(t.ref(o.label));
    w.pushRaw(t.ref(o.option_display_name));
  }
}

export function encodeChunk(products: readonly ProductRow[]): Buffer {
  const w = new IntWriter();
  const t = new StringTable();
  for (const p of products) writeProduct(p, w, t);
  const json = Buffer.from(JSON.stringify(t.strings));
  const pad = (4 - (json.length % 4)) % 4;
  const head = Buffer.alloc(8);
  head.writeUInt32LE(json.length, 0);
  head.writeUInt32LE(w.length, 4);
  const ints = Buffer.from(w.values.buffer, 0, w.length * 4);
  return Buffer.concat([head, json, Buffer.alloc(pad), ints]);
}

/** Shared option-value objects, by display name then label (no key strings allocated). */
export type OptionValuePool = Map<string, Map<string, OptionValueRow>>;

class ChunkReader {
  k = 0;
  constructor(
    private readonly strings: readonly unknown[],
    private readonly ints: Int32Array,
  ) {}

  get done(): boolean {
    return this.k >= this.ints.length;
  }

  num(): number {
    if (this.k >= this.ints.length) throw new CacheInvalid('stream ends early');
    const v = this.ints[this.k++]!;
    if (v === NULL) throw new CacheInvalid('unexpected null');
    return v;
  }

  numOrNull(): number | null {
    return this.ints[this.k] === NULL ? (this.k++, null) : this.num();
  }

  /** A length: non-negative and no larger than what is left of the stream. */
  count(): number {
    const n = this.num();
    if (n < 0 || n > this.ints.length - this.k) throw new CacheInvalid('bad count');
    return n;
  }

  str(): string {
    const v = this.strings[this.num()];
    if (typeof v !== 'string') throw new CacheInvalid('string reference out of range');
    return v;
  }

  strOrNull(): string | null {
    return this.ints[this.k] === NULL ? (this.k++, null) : this.str();
  }
}

/** Variants of products without options (the common case) share one empty, frozen list. */
const NO_OPTIONS: readonly OptionValueRow[] = Object.freeze([]);

function readOptions(r: ChunkReader, pool: OptionValuePool): readonly OptionValueRow[] {
  const count = r.count();
  if (count === 0) return NO_OPTIONS;
  const out: OptionValueRow[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const label = r.str();
    const name = r.str();
    let byLabel = pool.get(name);
    if (!byLabel) pool.set(name, (byLabel = new Map()));
    let value = byLabel.get(label);
    if (!value) byLabel.set(label, (value = { label, option_display_name: name }));
    out[i] = value;
  }
  return out;
}

function readTracking(r: ChunkReader): InventoryTracking {
  const value = r.str();
  if (!TRACKING.has(value)) throw new CacheInvalid('bad inventory_tracking');
  return value as InventoryTracking;
}

function readNumbers(r: ChunkReader): number[] {
  const out: number[] = new Array(r.count());
  for (let i = 0; i < out.length; i++) out[i] = r.num();
  return out;
}

function readWeight(r: ChunkReader): number {
  const w = Number(r.str());
  if (!Number.isFinite(w)) throw new CacheInvalid('bad weight');
  return w;
}

// Object literals evaluate their properties in source order, which is the stream order here.
function readVariant(r: ChunkReader, productId: number, pool: OptionValuePool): VariantRow {
  return {
    id: r.num(), product_id: productId, sku: r.str(), price: r.strOrNull(), sale_price: r.strOrNull(),
    cost_price: r.strOrNull(), inventory_level: r.numOrNull(), bin_picking_number: r.strOrNull(),
    option_values: readOptions(r, pool),
  };
}

function readVariants(r: ChunkReader, productId: number, pool: OptionValuePool): VariantRow[] {
  const out: VariantRow[] = new Array(r.count());
  for (let i = 0; i < out.length; i++) out[i] = readVariant(r, productId, pool);
  return out;
}

function readProduct(r: ChunkReader, pool: OptionValuePool): ProductRow {
  const id = r.num();
  return {
    id, name: r.str(), sku: r.str(), price: r.str(), sale_price: r.str(), cost_price: r.str(), retail_price: r.str(),
    inventory_level: r.num(), inventory_tracking: readTracking(r), bin_picking_number: r.str(), is_visible: r.num() === 1,
    brand_id: r.num(), categories: readNumbers(r), weight: readWeight(r), date_modified: r.str(), type: r.str(), inventory_warning_level: r.num(),
    thumbnail_url: r.str(), variants: readVariants(r, id, pool),
  };
}

/** Byte length of the chunk starting at `offset` of `body`, or throws CacheInvalid. */
export function chunkLength(body: Buffer, offset: number): number {
  if (offset + 8 > body.length) throw new CacheInvalid('truncated chunk header');
  const jsonBytes = body.readUInt32LE(offset);
  const ints = body.readUInt32LE(offset + 4);
  const length = 8 + jsonBytes + ((4 - (jsonBytes % 4)) % 4) + ints * 4;
  if (offset + length > body.length) throw new CacheInvalid('truncated chunk');
  return length;
}

/** Decode one chunk (as delimited by chunkLength), appending to `into`. */
export function decodeChunk(chunk: Buffer, into: ProductRow[], pool: OptionValuePool): void {
  const jsonBytes = chunk.readUInt32LE(0);
  const count = chunk.readUInt32LE(4);
  let strings: unknown;
  try {
    strings = JSON.parse(chunk.toString('utf8', 8, 8 + jsonBytes));
  } catch {
    throw new CacheInvalid('string table is not JSON');
  }
  if (!Array.isArray(strings)) throw new CacheInvalid('string table is not an array');
  const start = 8 + jsonBytes + ((4 - (jsonBytes % 4)) % 4);
  // Copy: Int32Array needs 4-byte alignment, which a slice of the file buffer doesn't promise.
  const ints = new Int32Array(count);
  new Uint8Array(ints.buffer).set(chunk.subarray(start, start + count * 4));
  const reader = new ChunkReader(strings, ints);
  while (!reader.done) into.push(readProduct(reader, pool));
}
