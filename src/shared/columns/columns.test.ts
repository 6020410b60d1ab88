import { describe, expect, it } from 'vitest';
import { ColumnarRowsSchema, fromColumns, toColumns } from './index';

const variant = (id: number, productId: number, price: string | null, labels: string[]) => ({
  id, product_id: productId, sku: `SKU-${id}`, price, inventory_level: price === null ? null : id % 7,
  option_values: labels.map((label) => ({ label, option_display_name: 'Size' })),
});

const rows = [
  { id: 3, name: 'Mug', price: '0.00', visible: true, weight: 1.25, categories: [1, 2], variants: [variant(10, 3, null, ['S', 'M']), variant(11, 3, '9.99', [])] },
  { id: 7, name: 'Mug', price: '12.50', visible: false, weight: 0, categories: [], variants: [] },
  { id: 8, name: 'Tee “ünï” 🍵', price: '0.00', visible: true, weight: -3.5, categories: [9], variants: [variant(12, 8, '0.00', ['L'])] },
];

/** Through JSON, as across the HTTP host. */
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('columnar rows', () => {
  it('round-trips rows exactly, nested tables and nulls included, through JSON', () => {
    const encoded = wire(toColumns(rows));
    expect(ColumnarRowsSchema.parse(encoded)).toEqual(encoded);
    const decoded = fromColumns<(typeof rows)[number]>(encoded);
    expect(decoded).toEqual(rows);
    expect(decoded.map((r) => Object.keys(r))).toEqual(rows.map((r) => Object.keys(r)));
  });

  it('sends each distinct string once and non-decreasing ids as differences', () => {
    const encoded = toColumns(rows);
    expect(encoded.strings.filter((s) => s === '0.00')).toHaveLength(1);
    const ids = encoded.table.columns[encoded.table.keys.indexOf('id')]!;
    expect(ids).toEqual({ k: 'd', v: [3, 4, 1] });
  });

  it('sends repeated lists once; the decoded rows share them', () => {
    const sizes = ['S', 'M', 'L'];
    const many = Array.from({ length: 300 }, (_, i) => variant(i + 1, 1, '1.00', [sizes[i % 3]!]));
    const encoded = wire(toColumns(many));
    const column = encoded.table.columns[encoded.table.keys.indexOf('option_values')]!;
    expect(column.k).toBe('u');
    expect(encoded.table.columns[encoded.table.keys.indexOf('sku')]!.k).toBe('L'); // all distinct: laid end to end
    expect(encoded.table.columns[encoded.table.keys.indexOf('price')]!.k).toBe('s');
    expect(column.k === 'u' && column.lists.counts).toEqual([1, 1, 1]);
    const decoded = fromColumns<(typeof many)[number]>(encoded);
    expect(decoded).toEqual(many);
    expect(decoded[0]!.option_values).toBe(decoded[3]!.option_values);
  });

  it('keeps numbers that decrease, fractions and nulls as they are', () => {
    const odd = [{ a: 5, b: 1.5, c: null }, { a: 2, b: 2, c: 3 }, { a: 2, b: -1, c: null }];
    const encoded = toColumns(odd);
    expect(encoded.table.columns.map((c) => c.k)).toEqual(['n', 'n', 'n']);
    expect(fromColumns(wire(encoded))).toEqual(odd);
  });

  it('lays mostly distinct strings end to end and gets each back exactly: nulls, empty, quotes, astral and lone surrogates', () => {
    const odd = ['', null, 'a "quoted" \\ name', '\ud83c', '\udf75', '🍵 ünï', '\n\t', null, ''];
    const many = Array.from({ length: 200 }, (_, i) => ({ id: i, text: i < odd.length ? odd[i]! : `name ${i}` }));
    const encoded = wire(toColumns(many));
    const column = encoded.table.columns[encoded.table.keys.indexOf('text')]!;
    expect(column.k).toBe('L');
    expect(column.k === 'L' && column.lengths.slice(0, 3)).toEqual([0, -1, 17]);
    expect(ColumnarRowsSchema.parse(encoded)).toEqual(encoded);
    expect(fromColumns(encoded)).toEqual(many);
  });

  it('pools strings that repeat over the whole column, even when the first thousand rows all differ', () => {
    const prices = Array.from({ length: 3000 }, (_, i) => ({ price: `${i % 1200}.00`, bin: `BIN-${i}` }));
    const encoded = wire(toColumns(prices));
    expect(encoded.table.columns.map((c) => c.k)).toEqual(['s', 'L']);
    expect(encoded.strings).toHaveLength(1200);
    const decoded = fromColumns<(typeof prices)[number]>(encoded);
    expect(decoded).toEqual(prices);
  });

  it('handles no rows and rows whose nested lists are all empty', () => {
    expect(fromColumns(wire(toColumns([])))).toEqual([]);
    const empty = [{ id: 1, variants: [] }, { id: 2, variants: [] }];
    expect(fromColumns(wire(toColumns(empty)))).toEqual(empty);
  });

  describe('with lazy lists', () => {
    const lazy = () => fromColumns<(typeof rows)[number]>(wire(toColumns(rows)), { lazyLists: true });

    it('gives the same rows: equal, through JSON and through a spread', () => {
      const decoded = lazy();
      expect(decoded).toEqual(rows);
      expect(wire(decoded)).toEqual(rows);
      expect(decoded.map((r) => ({ ...r }))).toEqual(rows);
      expect(decoded.map((r) => Object.keys(r))).toEqual(rows.map((r) => Object.keys(r)));
    });

    it('decodes a row\'s list when it is first read, and gives the same array after', () => {
      const decoded = lazy();
      const descriptor = Object.getOwnPropertyDescriptor(decoded[2], 'variants');
      expect(descriptor?.get).toBeTypeOf('function');
      expect(descriptor?.enumerable).toBe(true);
      expect(decoded[2]!.variants).toEqual(rows[2]!.variants);
      expect(decoded[2]!.variants).toBe(decoded[2]!.variants);
      expect(decoded[0]!.variants.map((v) => v.option_values.map((o) => o.label))).toEqual([['S', 'M'], []]);
      expect(decoded[1]!.variants).toEqual([]);
    });

    it('reads any row first, at any size (ids rebuilt from their differences)', () => {
      const many = Array.from({ length: 2500 }, (_, i) => ({ id: i * 3 + 1, name: `P${i}`, variants: Array.from({ length: i % 4 }, (_, j) => variant(i * 10 + j, i * 3 + 1, j ? '1.00' : null, j % 2 ? ['S'] : [])) }));
      const decoded = fromColumns<(typeof many)[number]>(wire(toColumns(many)), { lazyLists: true });
      expect(decoded[2499]!.variants).toEqual(many[2499]!.variants);
      expect(decoded[1234]!.variants).toEqual(many[1234]!.variants);
      expect(decoded).toEqual(many);
    });
  });
});

