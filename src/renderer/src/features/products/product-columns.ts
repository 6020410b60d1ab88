import type { JsonValue } from '../../../../shared/contract';
import { fractionDigits, isMoney } from '../../../../shared/money';
import type { EditTarget, GridColumn } from '../../components/data-grid';
import { formatLike } from '../jobs/format';
import { optionLabels, type CatalogRow } from './product-rows';

type Col = GridColumn<CatalogRow>;
const productEdit = (field: string) => (row: CatalogRow): EditTarget | null => (row.kind === 'product' ? { entity: 'product', id: row.product.id, field } : null);
const variantEdit = (field: string) => (row: CatalogRow): EditTarget => ({ entity: 'variant', id: row.kind === 'variant' ? row.variant.id : 0, productId: row.product.id, field });
const bothEdit = (field: string) => (row: CatalogRow): EditTarget | null => (row.kind === 'product' ? productEdit(field)(row) : variantEdit(field)(row));

export const TRACKED_BY_VARIANT = 'Inventory is tracked by variant; edit the variant rows.';
export const TRACKED_BY_PRODUCT = 'Inventory is tracked by product; edit the product row.';
export const NOT_TRACKED = 'Inventory is not tracked for this product; turn tracking on in the store first.';

/** A staged "20" reads "20.00" beside the store's "20.00": money shows with the store's places. */
const money = (pick: (row: CatalogRow) => string | null) => (value: JsonValue, row: CatalogRow) => {
  const sample = pick(row);
  // Most cells already read like their sample ("12.50" beside "9.99"): no decimal parse per cell render.
  if (typeof value === 'string' && sample !== null && CANONICAL.test(value) && fractionDigits(value) === fractionDigits(sample)) return value;
  return typeof value === 'string' && isMoney(value) && sample !== null ? formatLike(value, sample) : value === null ? '' : String(value);
};
const CANONICAL = /^(0|[1-9]\d*)(\.\d+)?$/;
/** One formatter for every cell: toLocaleString with options builds a new one per call (~0.2 ms; the quick filter formats every row). */
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const formatDate = (iso: string) => dateFormat.format(new Date(iso));
const yesNo = (value: JsonValue) => (value === true ? 'Yes' : value === false ? 'No' : '');

function moneyColumn(id: string, label: string, product: (r: CatalogRow & { kind: 'product' }) => string, variant?: (r: CatalogRow & { kind: 'variant' }) => string | null): Col {
  const value = (row: CatalogRow): string | null => (row.kind === 'product' ? product(row) : variant ? variant(row) : null);
  // A variant without its own price inherits the product's: shown empty, filled when typed.
  const sample = (row: CatalogRow) => (row.kind === 'product' ? product(row) : row.product.price);
  return { id, label, width: 96, numeric: true, value, format: money(sample), edit: variant ? bothEdit(id) : productEdit(id) };
}

/** Category and brand names by id (catalog.listNames); empty until main has them. */
export interface CatalogNameLookup {
  categories: ReadonlyMap<number, string>;
  brands: ReadonlyMap<number, string>;
}
export const NO_NAMES: CatalogNameLookup = { categories: new Map(), brands: new Map() };

/** A name, or the id in brackets while the name is unknown (a store edit not yet synced). */
const nameOf = (names: ReadonlyMap<number, string>, id: number) => names.get(id) ?? `#${id}`;

/** The product's thumbnail (its smallest rendition, cached with the row; '' = no image). */
const thumbnail = (row: CatalogRow): string | null => {
  const url = (row.product as { thumbnail_url?: unknown }).thumbnail_url;
  return row.kind === 'product' && typeof url === 'string' && url ? url : null;
};

/** Columns before categories and brand. */
const LEADING: readonly Col[] = [
  { id: 'thumbnail', label: 'Image', width: 64, value: thumbnail, image: true, imageAlt: (r) => r.product.name },
  { id: 'id', label: 'ID', width: 72, numeric: true, value: (r) => (r.kind === 'product' ? r.product.id : r.variant.id) },
  {
    id: 'name',
    label: 'Name',
    width: 260,
    value: (r) => (r.kind === 'product' ? r.product.name : optionLabels(r.variant)),
    edit: productEdit('name'),
  },
  { id: 'sku', label: 'SKU', width: 150, pinned: true, value: (r) => (r.kind === 'product' ? r.product.sku : r.variant.sku), edit: bothEdit('sku') },
  {
    id: 'type',
    label: 'Type',
    width: 80,
    value: (r) => (r.kind === 'product' ? r.product.type : null),
    filter: 'enum',
    options: ['physical', 'digital'],
  },
  moneyColumn('price', 'Price', (r) => r.product.price, (r) => r.variant.price),
  moneyColumn('sale_price', 'Sale price', (r) => r.product.sale_price, (r) => r.variant.sale_price),
  moneyColumn('retail_price', 'Retail price', (r) => r.product.retail_price),
  moneyColumn('cost_price', 'Cost price', (r) => r.product.cost_price, (r) => r.variant.cost_price),
  {
    id: 'inventory_level',
    label: 'Stock',
    width: 80,
    numeric: true,
    value: (r) => (r.kind === 'product' ? r.product.inventory_level : r.variant.inventory_level),
    edit: bothEdit('inventory_level'),
    refuse: (r) => {
      const tracking = r.product.inventory_tracking;
      if (r.kind === 'product') return tracking === 'variant' ? TRACKED_BY_VARIANT : null;
      return tracking === 'variant' ? null : tracking === 'product' ? TRACKED_BY_PRODUCT : NOT_TRACKED;
    },
  },
  {
    id: 'inventory_warning_level',
    label: 'Low stock',
    width: 80,
    numeric: true,
    value: (r) => (r.kind === 'product' ? r.product.inventory_warning_level : null),
    edit: productEdit('inventory_warning_level'),
  },
  {
    id: 'inventory_tracking',
    label: 'Inventory tracking',
    width: 120,
    value: (r) => (r.kind === 'product' ? r.product.inventory_tracking : null),
    filter: 'enum',
    options: ['none', 'product', 'variant'],
  },
  {
    id: 'is_visible',
    label: 'Visible',
    width: 72,
    value: (r) => (r.kind === 'product' ? r.product.is_visible : null),
    format: yesNo,
    edit: productEdit('is_visible'),
    filter: 'enum',
    options: ['true', 'false'],
  },
];

/** Columns after categories and brand. */
const TRAILING: readonly Col[] = [
  {
    id: 'bin_picking_number',
    label: 'Bin',
    width: 100,
    value: (r) => (r.kind === 'product' ? r.product.bin_picking_number : r.variant.bin_picking_number),
    edit: bothEdit('bin_picking_number'),
  },
  {
    id: 'weight',
    label: 'Weight',
    width: 80,
    numeric: true,
    value: (r) => (r.kind === 'product' ? String(r.product.weight) : null),
    edit: productEdit('weight'),
  },
  {
    id: 'date_modified',
    label: 'Date modified',
    width: 150,
    value: (r) => (r.kind === 'product' ? r.product.date_modified : null),
    format: (v) => (typeof v === 'string' && v ? formatDate(v) : ''),
  },
];

/** Categories and brand by name: they change when main's names arrive. */
function namedColumns(names: CatalogNameLookup): Col[] {
  return [
    {
      id: 'categories',
      label: 'Categories',
      width: 180,
      value: (r) => (r.kind === 'product' ? r.product.categories.map((id) => nameOf(names.categories, id)).join(', ') : null),
    },
    {
      id: 'brand',
      label: 'Brand',
      width: 120,
      value: (r) => (r.kind === 'product' && r.product.brand_id ? nameOf(names.brands, r.product.brand_id) : null),
      filter: 'enum',
      options: [...new Set(names.brands.values())].sort((a, b) => a.localeCompare(b)),
    },
  ];
}

const byNames = new WeakMap<CatalogNameLookup, readonly Col[]>();

/**
 * The Products screen's columns: product rows, and the variant rows under them, in one set. The
 * same array for the same names, so the grid opened again keeps its table and row model.
 */
export function productColumns(names: CatalogNameLookup = NO_NAMES): readonly Col[] {
  let columns = byNames.get(names);
  if (!columns) {
    columns = [...LEADING, ...namedColumns(names), ...TRAILING];
    byNames.set(names, columns);
  }
  return columns;
}

/** The columns without category and brand names: for code that needs the columns by id (CSV). */
export const PRODUCT_COLUMNS: readonly Col[] = productColumns();
