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
 *   S  strings (or null) that mostly differ (names, SKUs, dates): as they are, pooling them would
 *      only cost a lookup each (that was most of encoding 100,000 products)
 *   d  integers that never decrease (ids): the first value, then differences
 *   n  numbers (or null) as they are
 *   b  booleans as 0/1
 *   t  arrays of objects (variants): each row's count, and one nested table of all
 *   u  arrays of objects that repeat (option values: "Size: M, Colour: Red" on thousands of
 *      variants): each distinct array once, as a `t` column, and each row's index into them. The
 *      decoded rows share those arrays, so rows must be treated as immutable (they are: readonly).
 *   j  anything else, as plain JSON values (e.g. a list of category ids)
 */
export type Column =
  | { k: 's'; v: number[] }
  | { k: 'S'; v: Array<string | null> }
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
        z.object({ k: z.literal('S'), v: z.array(z.string().nullable()) }),
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

/** Most of the first 1,000 strings distinct: the column is names or SKUs, not prices or labels. */
function mostlyDistinct(values: unknown[]): boolean {
  const sample = values.slice(0, 1000);
  return sample.length >= 100 && new Set(sample).size > sample.length / 2;
}

function kindOf(values: unknown[]): Exclude<Column['k'], 'u'> {
  if (values.every((v) => v === null || typeof v === 'string')) return mostlyDistinct(values) ? 'S' : 's';
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
    case 'S':
      return { k, v: values as Array<string | null> };
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

function fillColumn(rows: Rec[], key: string, column: Column, strings: readonly string[]): void {
  const n = rows.length;
  switch (column.k) {
    case 's':
      for (let i = 0; i < n; i++) {
        const ref = column.v[i]!;
        rows[i]![key] = ref < 0 ? null : strings[ref];
      }
      return;
    case 'd':
      for (let i = 0, acc = 0; i < n; i++) rows[i]![key] = acc += column.v[i]!;
      return;
    case 'b':
      for (let i = 0; i < n; i++) rows[i]![key] = column.v[i] === 1;
      return;
    case 't': {
      const lists = decodeLists(column, strings);
      for (let i = 0; i < n; i++) rows[i]![key] = lists[i];
      return;
    }
    case 'u': {
      const lists = decodeLists(column.lists, strings);
      for (let i = 0; i < n; i++) rows[i]![key] = lists[column.v[i]!];
      return;
    }
    default:
      for (let i = 0; i < n; i++) rows[i]![key] = column.v[i];
  }
}

function decodeLists(column: { counts: number[]; table: Table }, strings: readonly string[]): Rec[][] {
  const children = decodeTable(column.table, strings);
  const lists = new Array<Rec[]>(column.counts.length);
  for (let i = 0, at = 0; i < lists.length; i++) {
    const count = column.counts[i]!;
    lists[i] = children.slice(at, at + count);
    at += count;
  }
  return lists;
}

function decodeTable(table: Table, strings: readonly string[]): Rec[] {
  const rows: Rec[] = new Array<Rec>(table.n);
  for (let i = 0; i < table.n; i++) rows[i] = {};
  table.keys.forEach((key, c) => fillColumn(rows, key, table.columns[c]!, strings));
  return rows;
}

/** The rows `toColumns` was given (same keys in the same order, same values). */
export function fromColumns<T>(data: ColumnarRows): T[] {
  return decodeTable(data.table, data.strings) as T[];
}
