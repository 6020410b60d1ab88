/**
 * Which CSV header means what. Two vocabularies are written: Stockroom's own (the grid's column
 * labels) and BigCommerce's product-export headers; on import both are read, plus common aliases.
 * A header is compared lower-cased with its spaces collapsed, so "Product  visible?" is
 * "Product Visible?".
 */
export type HeaderStyle = 'stockroom' | 'bigcommerce';

/** The columns that say which record a row is. */
export type KeyColumn = 'item' | 'productId' | 'variantId' | 'id' | 'sku';

/** Grid columns a file may change (their ids are the grid's column ids and the edited field names). */
export const IMPORTABLE = ['name', 'sku', 'price', 'sale_price', 'retail_price', 'cost_price', 'inventory_level', 'inventory_warning_level', 'is_visible', 'bin_picking_number', 'weight'] as const;
export type ImportableColumn = (typeof IMPORTABLE)[number];

/** BigCommerce's product-export header for each grid column (legacy "Bulk Edit" template names). */
export const BIGCOMMERCE_HEADERS: Readonly<Record<string, string>> = {
  thumbnail: 'Product Image URL - 1',
  name: 'Product Name',
  sku: 'Product SKU',
  type: 'Product Type',
  price: 'Price',
  sale_price: 'Sale Price',
  retail_price: 'Retail Price',
  cost_price: 'Cost Price',
  inventory_level: 'Current Stock Level',
  inventory_warning_level: 'Low Stock Level',
  inventory_tracking: 'Track Inventory',
  is_visible: 'Product Visible?',
  categories: 'Category',
  brand: 'Brand ID',
  bin_picking_number: 'Bin Picking Number',
  weight: 'Product Weight',
  date_modified: 'Date Modified',
};

/** The key columns an export starts with, in each style, and the item words it writes. */
export const KEY_HEADERS: Readonly<Record<HeaderStyle, { item: string; productId: string; variantId: string; product: string; variant: string }>> = {
  stockroom: { item: 'Item', productId: 'Product ID', variantId: 'Variant ID', product: 'Product', variant: 'Variant' },
  // BigCommerce's export names a variant row's item type "SKU".
  bigcommerce: { item: 'Item Type', productId: 'Product ID', variantId: 'Variant ID', product: 'Product', variant: 'SKU' },
};

const KEY_ALIASES: Record<KeyColumn, string[]> = {
  item: ['item', 'item type', 'row'],
  productId: ['product id'],
  variantId: ['variant id', 'sku id'],
  id: ['id'],
  sku: ['sku', 'product sku', 'product code/sku', 'code/sku', 'variant sku'],
};

const FIELD_ALIASES: Record<ImportableColumn, string[]> = {
  name: ['name', 'product name'],
  // SKU is a key column; when rows are matched by id it may also be changed (see mapHeaders).
  sku: [],
  price: ['price', 'variant price'],
  sale_price: ['sale price'],
  retail_price: ['retail price', 'msrp'],
  cost_price: ['cost price', 'cost'],
  inventory_level: ['stock', 'current stock level', 'current stock', 'stock level', 'inventory level'],
  inventory_warning_level: ['low stock', 'low stock level', 'inventory warning level'],
  is_visible: ['visible', 'product visible?', 'visible?', 'is visible'],
  bin_picking_number: ['bin', 'bin picking number'],
  weight: ['weight', 'product weight'],
};

/** Known columns Stockroom reads but never writes to the store (shown as ignored, with the reason). */
const READ_ONLY: Record<string, string> = {
  'type': 'the product type is not changed by import',
  'product type': 'the product type is not changed by import',
  'inventory tracking': 'inventory tracking is not changed by import',
  'track inventory': 'inventory tracking is not changed by import',
  'categories': 'categories are not changed by import',
  'category': 'categories are not changed by import',
  'brand': 'the brand is not changed by import',
  'brand id': 'the brand is not changed by import',
  'brand name': 'the brand is not changed by import',
  'date modified': 'set by the store',
  'image': 'images are managed in the image panel',
};

export const normalizeHeader = (header: string): string => header.replace(/^\uFEFF/, '').trim().replace(/\s+/g, ' ').toLowerCase();

export interface HeaderMap {
  keys: Partial<Record<KeyColumn, number>>;
  /** Importable grid column → its index in the file. */
  fields: Partial<Record<ImportableColumn, number>>;
  /** Columns not imported, with why. */
  ignored: Array<{ index: number; header: string; reason: string }>;
}

/** The file's header row → what each column means. Stockroom's grid labels are read as well. */
export function mapHeaders(headers: readonly string[], gridLabels: Readonly<Record<string, string>> = {}): HeaderMap {
  const byName = new Map<string, { kind: 'key'; key: KeyColumn } | { kind: 'field'; field: ImportableColumn }>();
  for (const [key, names] of Object.entries(KEY_ALIASES)) for (const n of names) byName.set(n, { kind: 'key', key: key as KeyColumn });
  for (const [field, names] of Object.entries(FIELD_ALIASES)) for (const n of names) byName.set(n, { kind: 'field', field: field as ImportableColumn });
  for (const field of IMPORTABLE) {
    const label = gridLabels[field];
    if (label && field !== 'sku' && !byName.has(normalizeHeader(label))) byName.set(normalizeHeader(label), { kind: 'field', field });
  }
  const map: HeaderMap = { keys: {}, fields: {}, ignored: [] };
  headers.forEach((header, index) => {
    const name = normalizeHeader(header);
    const meaning = byName.get(name);
    const ignore = (reason: string) => map.ignored.push({ index, header, reason });
    if (!meaning) return ignore(READ_ONLY[name] ?? (/^product image/.test(name) ? 'images are managed in the image panel' : 'not a column Stockroom imports'));
    if (meaning.kind === 'key') {
      if (map.keys[meaning.key] !== undefined) return ignore('the same column appears twice; the first is used');
      map.keys[meaning.key] = index;
    } else {
      if (map.fields[meaning.field] !== undefined) return ignore('the same column appears twice; the first is used');
      map.fields[meaning.field] = index;
    }
  });
  // A SKU column beside an id column can change the SKU; without an id it only finds the row.
  if (map.keys.sku !== undefined && (map.keys.id !== undefined || map.keys.productId !== undefined || map.keys.variantId !== undefined)) map.fields.sku = map.keys.sku;
  return map;
}

/** What an item-type cell says the row is; rows of other item types (rules, images) are skipped. */
export function itemKind(text: string): 'product' | 'variant' | 'other' | 'unknown' {
  const t = text.trim().toLowerCase();
  if (t === '') return 'unknown';
  if (t === 'product') return 'product';
  if (t === 'variant' || t === 'sku') return 'variant';
  return 'other';
}
