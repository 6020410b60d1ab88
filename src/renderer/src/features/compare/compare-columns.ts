import { compareMoney, formatMoney } from '../../../../shared/money';
import type { CompareCell, CompareResult, CompareRow, CompareStore, JsonValue } from '../../../../shared/contract';
import type { GridColumn } from '../../components/data-grid';

const NOT_THERE = '—';

/** The first store that has the SKU is the reference; a store differs where its value is not the reference's. */
function reference(row: CompareRow): CompareCell | null {
  return row.cells.find((c) => c !== null) ?? null;
}

/**
 * Which of price and stock differ across the stores that have the SKU (a store without it
 * differs too). Prices are compared only between stores of one currency: 10 USD and 9.20 EUR
 * are not "different" in a way a number could say.
 */
export function differences(row: CompareRow, stores: readonly CompareStore[]): string[] {
  const out: string[] = [];
  if (row.cells.some((c) => c === null)) out.push('missing');
  const present = row.cells.map((c, i) => ({ c, store: stores[i]! })).filter((x): x is { c: CompareCell; store: CompareStore } => x.c !== null);
  const byCurrency = new Map<string, string[]>();
  for (const { c, store } of present) byCurrency.set(store.currency ?? '?', [...(byCurrency.get(store.currency ?? '?') ?? []), c.price]);
  if ([...byCurrency.values()].some((prices) => prices.some((p) => compareMoney(p, prices[0]!) !== 0))) out.push('price');
  if (new Set(present.map(({ c }) => c.stock)).size > 1) out.push('stock');
  return out;
}

function priceDiffers(row: CompareRow, stores: readonly CompareStore[], i: number): boolean {
  const cell = row.cells[i];
  if (!cell) return false;
  const same = row.cells.findIndex((c, j) => c !== null && stores[j]!.currency === stores[i]!.currency);
  return same !== i && compareMoney(cell.price, row.cells[same]!.price) !== 0;
}

function storeColumns(store: CompareStore, i: number, stores: readonly CompareStore[]): GridColumn<CompareRow>[] {
  const places = store.decimalPlaces ?? 2;
  const missing = (row: CompareRow) => (row.cells[i] ? null : `not in ${store.name}`);
  return [
    {
      id: `price-${store.storeId}`,
      // What and which currency first: a narrow header cuts the store's name, not the currency.
      label: `Price ${store.currency ?? '?'} · ${store.name}`,
      width: 170,
      numeric: true,
      value: (row) => row.cells[i]?.price ?? null,
      format: (value: JsonValue) => (typeof value === 'string' ? formatMoney(value, places) : NOT_THERE),
      highlight: (row) => missing(row) ?? (priceDiffers(row, stores, i) ? 'price differs' : null),
    },
    {
      id: `stock-${store.storeId}`,
      label: `Stock · ${store.name}`,
      width: 140,
      numeric: true,
      value: (row) => row.cells[i]?.stock ?? null,
      format: (value: JsonValue, row) => (typeof value === 'number' ? String(value) : row.cells[i] ? 'not tracked' : NOT_THERE),
      highlight: (row) => {
        const ref = reference(row);
        return missing(row) ?? (ref && row.cells[i]!.stock !== ref.stock ? 'stock differs' : null);
      },
    },
  ];
}

/** Read-only columns: SKU and name, then price and stock per store, then what differs (filterable). */
export function compareColumns(result: Pick<CompareResult, 'stores'>): GridColumn<CompareRow>[] {
  const { stores } = result;
  return [
    { id: 'sku', label: 'SKU', width: 170, pinned: true, value: (row) => row.sku },
    { id: 'name', label: 'Name', width: 240, value: (row) => reference(row)?.name ?? '' },
    ...stores.flatMap((store, i) => storeColumns(store, i, stores)),
    { id: 'differs', label: 'Differs', width: 140, filter: 'text', value: (row) => differences(row, stores).join(', ') },
  ];
}

export const compareRowId = (row: CompareRow): string => row.sku;
