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

/**
 * The stores' names as the headers show them: the first word when that tells them apart
 * ("Northwind", "Havelberg"), so a column at 1024 px wide still says which store it is.
 */
export function headerNames(stores: readonly Pick<CompareStore, 'name'>[]): string[] {
  const first = stores.map((s) => s.name.trim().split(/\s+/)[0] ?? s.name);
  return new Set(first.map((n) => n.toLowerCase())).size === first.length ? first : stores.map((s) => s.name);
}

function priceColumn(store: CompareStore, i: number, stores: readonly CompareStore[], name: string): GridColumn<CompareRow> {
  const places = store.decimalPlaces ?? 2;
  return {
    id: `price-${store.storeId}`,
    // The currency says it is a price ("USD · Northwind"): with "Price" too, two prices and two
    // stocks did not fit their headers at 1024 px. Currency first: a long store name is cut, not it.
    label: store.currency ? `${store.currency} · ${name}` : `Price · ${name}`,
    width: 150,
    numeric: true,
    value: (row) => row.cells[i]?.price ?? null,
    format: (value: JsonValue) => (typeof value === 'string' ? formatMoney(value, places) : NOT_THERE),
    highlight: (row) => (row.cells[i] ? (priceDiffers(row, stores, i) ? 'price differs' : null) : `not in ${store.name}`),
  };
}

function stockColumn(store: CompareStore, i: number, name: string): GridColumn<CompareRow> {
  return {
    id: `stock-${store.storeId}`,
    label: `Stock · ${name}`,
    width: 150,
    numeric: true,
    value: (row) => row.cells[i]?.stock ?? null,
    format: (value: JsonValue, row) => (typeof value === 'number' ? String(value) : row.cells[i] ? 'not tracked' : NOT_THERE),
    highlight: (row) => {
      const ref = reference(row);
      return row.cells[i] ? (ref && row.cells[i].stock !== ref.stock ? 'stock differs' : null) : `not in ${store.name}`;
    },
  };
}

/**
 * Read-only columns: SKU, the stores' prices side by side, their stock side by side, what differs
 * (filterable), then the name: what is compared sits together, in view even at 1024 px.
 */
export function compareColumns(result: Pick<CompareResult, 'stores'>): GridColumn<CompareRow>[] {
  const { stores } = result;
  const names = headerNames(stores);
  return [
    { id: 'sku', label: 'SKU', width: 140, pinned: true, value: (row) => row.sku },
    ...stores.map((store, i) => priceColumn(store, i, stores, names[i]!)),
    ...stores.map((store, i) => stockColumn(store, i, names[i]!)),
    { id: 'differs', label: 'Differs', width: 110, filter: 'text', value: (row) => differences(row, stores).join(', ') },
    { id: 'name', label: 'Name', width: 260, value: (row) => reference(row)?.name ?? '' },
  ];
}

export const compareRowId = (row: CompareRow): string => row.sku;
