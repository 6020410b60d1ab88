import { z } from 'zod';

/**
 * Many rows of one shape as columns, for large lists over the RPC boundary (catalog.listProducts:
 * 100,000 products with 387,000 variants).
 *
 * Why: as keyed JSON objects those rows are ~140 MB that the renderer parses for seconds. As
 * columns, every field name is sent once, every distinct string once (the table's `strings`: a
 * price like "0.00", a date or an option label repeats thousands of times), and ids go as
 * differences ("1" rather than "123457"). The decoder builds the rows column by column, so each
 * loop stores one field into objects of one shape, and repeated strings share one instance.
 *
 * Generic on purpose: it follows whatever keys the rows have, so a field added to the product row
 * crosses without touching this file. Kinds, chosen per column from its values:
 *   s  strings (or null) that repeat: indexes into `strings`, -1 for null
 *   L  strings (or null) that mostly differ (names, SKUs, dates, URLs): laid end to end in one
 *      string, with each one's length (-1 for null). Pooling them would only cost a lookup each
 *      (that was most of encoding 100,000 products); sending them one by one made the receiver's
 *      JSON.parse allocate a string per value up front (1.2 million per 50,000 products, most of
 *      them variant SKUs and bins nobody reads on a first visit). One string parses at copying
 *      speed, and each value is sliced out when its row is decoded (a nested table's rows only
 *      when first read).
 *   d  integers that never decrease (ids): the first value, then differences
 *   n  numbers (or null) as they are
 *   b  booleans as 0/1
 *   t  arrays of objects (variants): each row's count, and one nested table of all
 *   u  arrays of objects that repeat (option values: "Size: M, Colour: Red" on thousands of
 *      variants): each distinct array once, as a `t` column, and each row's index into them. The
 *      decoded rows share those arrays, so rows must be treated as immutable (they are: readonly).
 *   j  anything else, as plain JSON values (e.g. a list of category ids)
 */
/** The encoding's version: bytes kept from an older one (columns-file) are made again, not sent. */
export const COLUMNS_CODEC = 2;

export type Column =
  | { k: 's'; v: number[] }
  | { k: 'L'; text: string; lengths: number[] }
  | { k: 'd'; v: number[] }
  | { k: 'n'; v: Array<number | null> }
  | { k: 'b'; v: Array<0 | 1> }
  | { k: 't'; counts: number[]; table: Table }
  | { k: 'u'; v: number[]; lists: { k: 't'; counts: number[]; table: Table } }
  | { k: 'j'; v: unknown[] };

export interface Table {
  /** Row count (a table may have no columns). */
  n: number;
  keys: string[];
  columns: Column[];
}

export interface ColumnarRows {
  strings: string[];
  table: Table;
}

const NestedSchema = z.object({ k: z.literal('t'), counts: z.array(z.number().int().min(0)), get table() { return TableSchema; } });
const TableSchema: z.ZodType<Table> = z.lazy(() =>
  z.object({
    n: z.number().int().min(0),
    keys: z.array(z.string()),
    columns: z.array(
      z.discriminatedUnion('k', [
        z.object({ k: z.literal('s'), v: z.array(z.number().int().min(-1)) }),
        z.object({ k: z.literal('L'), text: z.string(), lengths: z.array(z.number().int().min(-1)) }),
        z.object({ k: z.literal('d'), v: z.array(z.number().int()) }),
        z.object({ k: z.literal('n'), v: z.array(z.number().nullable()) }),
        z.object({ k: z.literal('b'), v: z.array(z.union([z.literal(0), z.literal(1)])) }),
        NestedSchema,
        z.object({ k: z.literal('u'), v: z.array(z.number().int().min(0)), lists: NestedSchema }),
        z.object({ k: z.literal('j'), v: z.array(z.unknown()) }),
      ]),
    ),
  }),
);
export const ColumnarRowsSchema = z.object({ strings: z.array(z.string()), table: TableSchema });

type Rec = Record<string, unknown>;

class StringPool {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();

  ref(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * More than half the values distinct: the column is names or SKUs, not prices, bins or labels.
 * Counted over the whole column (a sample of the first rows took prices and bins, 1,600–8,600
 * distinct in 50,000, for names), stopping as soon as half are distinct.
 */
function mostlyDistinct(values: unknown[]): boolean {
  if (values.length < 100) return false;
  const seen = new Set<unknown>();
  for (const v of values) if (seen.add(v).size > values.length / 2) return true;
  return false;
}

function kindOf(values: unknown[]): Exclude<Column['k'], 'u'> {
  if (values.every((v) => v === null || typeof v === 'string')) return mostlyDistinct(values) ? 'L' : 's';
  if (values.every((v) => typeof v === 'boolean')) return 'b';
  if (values.every((v) => v === null || typeof v === 'number')) {
    let prev = -Infinity;
    for (const v of values) {
      if (v === null || !Number.isSafeInteger(v) || (v as number) < prev) return 'n';
      prev = v as number;
    }
    return 'd';
  }
  if (values.every((v) => Array.isArray(v) && v.every(isRecord))) return 't';
  return 'j';
}

function encodeColumn(values: unknown[], pool: StringPool): Column {
  const k = kindOf(values);
  switch (k) {
    case 's':
      return { k, v: values.map((v) => (v === null ? -1 : pool.ref(v as string))) };
    case 'L':
      return { k, text: (values as Array<string | null>).join(''), lengths: values.map((v) => (v === null ? -1 : (v as string).length)) };
    case 'd':
      return { k, v: (values as number[]).map((v, i) => (i === 0 ? v : v - (values[i - 1] as number))) };
    case 'n':
      return { k, v: values as Array<number | null> };
    case 'b':
      return { k, v: values.map((v) => (v ? 1 : 0)) };
    case 't':
      return encodeLists(values as Rec[][], pool);
    default:
      return { k: 'j', v: values };
  }
}

function nested(lists: Rec[][], pool: StringPool): { k: 't'; counts: number[]; table: Table } {
  return { k: 't', counts: lists.map((l) => l.length), table: encodeTable(lists.flat(), pool) };
}

/**
 * Lists that repeat become `u` (each distinct list once). Checking stops once half the lists seen
 * are distinct (variants: every product's are its own), so unique lists cost ~1,000 keys.
 */
function encodeLists(lists: Rec[][], pool: StringPool): Column {
  const index = new Map<string, number>();
  const distinct: Rec[][] = [];
  const v = new Array<number>(lists.length);
  for (let row = 0; row < lists.length; row++) {
    const key = JSON.stringify(lists[row]);
    let i = index.get(key);
    if (i === undefined) {
      i = distinct.length;
      distinct.push(lists[row]!);
      index.set(key, i);
      if (row >= 1024 && distinct.length > row / 2) return nested(lists, pool);
    }
    v[row] = i;
  }
  if (distinct.length > lists.length / 2) return nested(lists, pool);
  return { k: 'u', v, lists: nested(distinct, pool) };
}

function encodeTable(rows: readonly Rec[], pool: StringPool): Table {
  const keys = rows.length ? Object.keys(rows[0]!) : [];
  return { n: rows.length, keys, columns: keys.map((key) => encodeColumn(rows.map((r) => r[key]), pool)) };
}

/** Rows of one shape (the first row's keys) as columns. Values must be JSON values. */
export function toColumns<T extends object>(rows: readonly T[]): ColumnarRows {
  const pool = new StringPool();
  const table = encodeTable(rows as unknown as readonly Rec[], pool);
  return { strings: pool.strings, table };
}

/** On each row that has lazy lists: its place in its table, for the shared getters. */
const ROW_INDEX = Symbol('row index');
type LazyRow = Rec & { [ROW_INDEX]: number };

/**
 * Decodes a table's rows by range. Whole-table work a column needs (absolute ids from their
 * differences, the distinct lists of a `u` column, where each row's nested rows start) is done
 * once, on first use, so decoding a few rows costs those rows.
 */
class TableReader {
  private readonly absolute = new Map<number, number[]>();
  private readonly offsets = new Map<number, Uint32Array>();
  private readonly distinct = new Map<number, Rec[][]>();
  private readonly nested = new Map<number, NestedReader>();

  constructor(
    private readonly table: Table,
    private readonly strings: readonly string[],
    private readonly lazy: boolean,
  ) {}

  rows(start: number, count: number): Rec[] {
    const rows = new Array<Rec>(count);
    // Filled column by column, so every row takes the same shape transitions (getters included).
    for (let i = 0; i < count; i++) rows[i] = {};
    this.table.keys.forEach((key, c) => this.fill(rows, start, key, c));
    return rows;
  }

  private fill(rows: Rec[], start: number, key: string, c: number): void {
    const column = this.table.columns[c]!;
    const n = rows.length;
    switch (column.k) {
      case 's':
        for (let i = 0; i < n; i++) {
          const ref = column.v[start + i]!;
          rows[i]![key] = ref < 0 ? null : this.strings[ref];
        }
        return;
      case 'L': {
        const at = this.offsetsOf(c, column.lengths);
        for (let i = 0; i < n; i++) {
          const length = column.lengths[start + i]!;
          rows[i]![key] = length < 0 ? null : column.text.slice(at[start + i], at[start + i]! + length);
        }
        return;
      }
      case 'd': {
        const ids = this.absoluteOf(c, column.v);
        for (let i = 0; i < n; i++) rows[i]![key] = ids[start + i];
        return;
      }
      case 'b':
        for (let i = 0; i < n; i++) rows[i]![key] = column.v[start + i] === 1;
        return;
      case 't':
        return this.lazy ? this.fillLazy(rows, start, key, this.nestedOf(c, column)) : this.fillLists(rows, start, key, this.nestedOf(c, column));
      case 'u': {
        const lists = this.distinctOf(c, column.lists);
        for (let i = 0; i < n; i++) rows[i]![key] = lists[column.v[start + i]!];
        return;
      }
      default:
        for (let i = 0; i < n; i++) rows[i]![key] = column.v[start + i];
    }
  }

  private fillLists(rows: Rec[], start: number, key: string, nested: NestedReader): void {
    const first = nested.starts[start]!;
    const children = nested.reader.rows(first, nested.starts[start + rows.length]! - first);
    for (let i = 0; i < rows.length; i++) rows[i]![key] = children.slice(nested.starts[start + i]! - first, nested.starts[start + i + 1]! - first);
  }

  /**
   * Each row's list is decoded when it is first read (an own, enumerable getter, so spreading or
   * serializing a row still gives the list) and kept, so it is the same array every time. All
   * rows share one getter, which finds the row's list by the row's index.
   */
  private fillLazy(rows: Rec[], start: number, key: string, nested: NestedReader): void {
    const getter = { get(this: LazyRow): Rec[] { return nested.list(this[ROW_INDEX]); }, enumerable: true, configurable: true };
    // Not enumerable: rows compare and spread as the plain rows they stand for.
    const index = { value: 0 };
    for (let i = 0; i < rows.length; i++) {
      index.value = start + i;
      Object.defineProperty(rows[i], ROW_INDEX, index);
      Object.defineProperty(rows[i], key, getter);
    }
  }

  private absoluteOf(c: number, diffs: readonly number[]): number[] {
    let ids = this.absolute.get(c);
    if (!ids) {
      ids = new Array<number>(diffs.length);
      for (let i = 0, acc = 0; i < diffs.length; i++) ids[i] = acc += diffs[i]!;
      this.absolute.set(c, ids);
    }
    return ids;
  }

  /** Where each value of an `L` column starts in its text. */
  private offsetsOf(c: number, lengths: readonly number[]): Uint32Array {
    let at = this.offsets.get(c);
    if (!at) {
      at = new Uint32Array(lengths.length);
      for (let i = 0, pos = 0; i < lengths.length; i++) {
        at[i] = pos;
        pos += Math.max(0, lengths[i]!);
      }
      this.offsets.set(c, at);
    }
    return at;
  }

  private distinctOf(c: number, column: { counts: number[]; table: Table }): Rec[][] {
    let lists = this.distinct.get(c);
    if (!lists) {
      const reader = new TableReader(column.table, this.strings, false);
      const all = reader.rows(0, column.table.n);
      lists = [];
      for (let i = 0, at = 0; i < column.counts.length; i++) lists.push(all.slice(at, (at += column.counts[i]!)));
      this.distinct.set(c, lists);
    }
    return lists;
  }

  private nestedOf(c: number, column: { counts: number[]; table: Table }): NestedReader {
    let nested = this.nested.get(c);
    if (!nested) {
      nested = new NestedReader(column.counts, new TableReader(column.table, this.strings, this.lazy));
      this.nested.set(c, nested);
    }
    return nested;
  }
}

/** The lists of a `t` column: where each row's nested rows start, and each list once decoded. */
class NestedReader {
  readonly starts: number[];
  private readonly decoded: Array<Rec[] | undefined>;

  constructor(
    counts: readonly number[],
    readonly reader: TableReader,
  ) {
    this.starts = new Array<number>(counts.length + 1);
    this.starts[0] = 0;
    for (let i = 0; i < counts.length; i++) this.starts[i + 1] = this.starts[i]! + counts[i]!;
    this.decoded = new Array<Rec[] | undefined>(counts.length);
  }

  list(row: number): Rec[] {
    return (this.decoded[row] ??= this.reader.rows(this.starts[row]!, this.starts[row + 1]! - this.starts[row]!));
  }
}

export interface DecodeOptions {
  /**
   * Decode each row's nested lists (a product's variants) when they are first read, not up front:
   * a first screenful of 100,000 products then builds 100,000 objects, not 487,000.
   */
  lazyLists?: boolean;
}

/** The rows `toColumns` was given (same keys in the same order, same values). */
export function fromColumns<T>(data: ColumnarRows, options: DecodeOptions = {}): T[] {
  return new TableReader(data.table, data.strings, options.lazyLists ?? false).rows(0, data.table.n) as T[];
}
