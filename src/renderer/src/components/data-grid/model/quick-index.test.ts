import { describe, expect, it } from 'vitest';
import type { OverlayEntry } from './overlay';
import { queryWords, quickIndex } from './quick-index';

interface Item {
  id: number;
  name: string;
  sku: string;
}
const textOf = (row: Item, overlay: ReadonlyMap<string, OverlayEntry>) => [row.sku, String(overlay.get(`product:${row.id}:name`)?.to ?? row.name)].join('\u0000').toLowerCase();
const source = {
  text: (row: Item) => textOf(row, new Map()),
  // The index hands over the row's kept text: it must be the row's own.
  staged: (row: Item, base: string, overlay: ReadonlyMap<string, OverlayEntry>) => (expect(base).toBe(textOf(row, new Map())), textOf(row, overlay)),
  records: (row: Item, add: (entity: string, id: number) => void) => add('product', row.id),
};
// More than one chunk of rows (1,024), names that end where the next row's begin.
const rows: Item[] = Array.from({ length: 2500 }, (_, i) => ({ id: i + 1, name: i % 2 ? `Shirt ${i}` : `Mug ${i} a`, sku: `R-${i}` }));
const matching = (index: ReturnType<typeof quickIndex<Item>>, query: string, overlay: ReadonlyMap<string, OverlayEntry> = new Map()) => {
  const matches = index.match(query, overlay);
  return rows.map((_, place) => place).filter(matches);
};
const expected = (query: string, text = (row: Item) => source.text(row)) => {
  const words = queryWords(query);
  return rows.map((row, place) => ({ text: text(row), place })).filter(({ text: t }) => words.every((w) => t.includes(w))).map(({ place }) => place);
};

describe('the quick filter index', () => {
  it('finds every row holding every word, in any case, across chunks, and never across two rows', () => {
    const index = quickIndex(rows, source);
    expect(matching(index, 'SHIRT 1')).toEqual(expected('shirt 1'));
    expect(matching(index, 'mug r-24')).toEqual(expected('mug r-24'));
    expect(matching(index, 'ar')).toEqual([]); // "…a" + "R-…" of the next row do not join
    expect(matching(index, '2499')).toEqual([2499]);
    expect(matching(index, '   ')).toHaveLength(rows.length);
  });
  it('reads rows with staged values afresh, and forgets them when unstaged', () => {
    const index = quickIndex(rows, source);
    const staged = new Map<string, OverlayEntry>([['product:3:name', { to: 'Teapot', pending: true }]]);
    expect(matching(index, 'teapot', staged)).toEqual([2]);
    expect(matching(index, 'mug 2 ', staged)).toEqual(expected('mug 2').filter((p) => p !== 2));
    expect(index.stagedPlaces(staged)).toEqual(new Set([2]));
    const edges = new Map<string, OverlayEntry>([1023, 1024, 2499].map((place) => [`product:${place + 1}:name`, { to: `Kettle ${place}`, pending: true }]));
    expect(matching(index, 'kettle', edges)).toEqual([1023, 1024, 2499]);
    expect(matching(index, 'teapot')).toEqual([]);
  });
  it('prepares rows in order ahead of the first filter, ignoring any other row', () => {
    let made = 0;
    const index = quickIndex(rows, { ...source, text: (row) => (made++, source.text(row)) });
    index.prepare(rows[5]!);
    expect(made).toBe(0);
    rows.slice(0, 1500).forEach(index.prepare);
    expect(made).toBe(1500);
    expect(matching(index, 'shirt 1499')).toEqual([1499]);
    expect(made).toBe(rows.length);
  });
});
