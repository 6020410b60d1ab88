import { fieldSpec, type CustomerRowData, type JsonValue, type OrderRowData, type OrderStatus, type ProductRowData, type StagedEdit } from '../../../../shared/contract';
import { compareMoney, formatMoney, isMoney, subMoney, mulMoney } from '../../../../shared/money';

/**
 * What the review panel says about staged edits: which row and column each one is, in the
 * merchant's words (product name and SKU, "Stock" rather than inventory_level), its values
 * formatted like the store, and the warnings Apply asks to confirm.
 */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  name: 'Name',
  sku: 'SKU',
  price: 'Price',
  sale_price: 'Sale price',
  cost_price: 'Cost price',
  retail_price: 'Retail price',
  map_price: 'MAP price',
  inventory_level: 'Stock',
  inventory_warning_level: 'Low-stock level',
  is_visible: 'Visible',
  is_featured: 'Featured',
  is_free_shipping: 'Free shipping',
  bin_picking_number: 'Bin',
  weight: 'Weight',
  width: 'Width',
  height: 'Height',
  depth: 'Depth',
  upc: 'UPC',
  mpn: 'MPN',
  gtin: 'GTIN',
  availability: 'Availability',
  sort_order: 'Sort order',
  purchasing_disabled: 'Purchasing disabled',
  first_name: 'First name',
  last_name: 'Last name',
  email: 'Email',
  company: 'Company',
  phone: 'Phone',
  customer_group_id: 'Customer group',
  notes: 'Notes',
  tax_exempt_category: 'Tax-exempt category',
  accepts_product_review_abandoned_cart_emails: 'Accepts marketing',
  status_id: 'Status',
  staff_notes: 'Staff notes',
  customer_message: 'Customer message',
};

export const fieldLabel = (field: string): string => FIELD_LABELS[field] ?? field.replace(/_/g, ' ');

type Variant = ProductRowData['variants'][number];
export interface CatalogIndex {
  product(id: number): ProductRowData | undefined;
  variant(id: number): { product: ProductRowData; variant: Variant } | undefined;
  customer(id: number): CustomerRowData | undefined;
  /** A customer group's name by id (staged group changes read as names). */
  groupName(id: number): string | undefined;
  order(id: number): OrderRowData | undefined;
  /** The store's name for an order status id (custom labels honoured). */
  statusName(id: number): string | undefined;
}

/** What the review names rows by: the catalog, and the customers with their group names when the screen has them. */
export interface Customers {
  rows: readonly CustomerRowData[];
  groups: ReadonlyMap<number, string>;
}

/**
 * Lookups over the catalog, made without indexing it up front (indexing 100,000 products and
 * 387,000 variants cost each visit to Products most of a second): products by binary search (the
 * catalog comes sorted by id), variants and customers from maps built on their first lookup.
 */
/** What else a screen has to name staged rows by: customers and groups, orders and the store's statuses. */
export interface ReviewRows {
  customers?: Customers;
  orders?: readonly OrderRowData[];
  statuses?: readonly OrderStatus[];
}

export function indexCatalog(products: readonly ProductRowData[], { customers, orders = [], statuses = [] }: ReviewRows = {}): CatalogIndex {
  let byId: Map<number, ProductRowData> | null = null;
  let variants: Map<number, { product: ProductRowData; variant: Variant }> | null = null;
  let people: Map<number, CustomerRowData> | null = null;
  const product = (id: number) => {
    for (let lo = 0, hi = products.length - 1; lo <= hi; ) {
      const mid = (lo + hi) >> 1;
      const at = products[mid]!;
      if (at.id === id) return at;
      if (at.id < id) lo = mid + 1;
      else hi = mid - 1;
    }
    // Not found by search: absent, or the list is not in id order after all.
    return (byId ??= new Map(products.map((p) => [p.id, p]))).get(id);
  };
  const variant = (id: number) => {
    if (!variants) {
      variants = new Map();
      for (const p of products) for (const v of p.variants) variants.set(v.id, { product: p, variant: v });
    }
    return variants.get(id);
  };
  const customer = (id: number) => (people ??= new Map((customers?.rows ?? []).map((c) => [c.id, c]))).get(id);
  let orderById: Map<number, OrderRowData> | null = null;
  const order = (id: number) => (orderById ??= new Map(orders.map((o) => [o.id, o]))).get(id);
  const names = new Map(statuses.map((st) => [st.id, st.name]));
  return { product, variant, customer, groupName: (id) => (id === 0 ? 'No group' : customers?.groups.get(id)), order, statusName: (id) => names.get(id) };
}

/** The list's first two column headers: what names the rows staged. */
export function nameHeaders(edits: readonly Pick<StagedEdit, 'entity'>[]): [string, string] {
  const heads = { product: ['Product', 'SKU'], customer: ['Customer', 'Email'], order: ['Order', 'Customer'] } as const;
  const kinds = [...new Set(edits.map((e) => (e.entity === 'variant' ? 'product' : e.entity)))].map((k) => heads[k]);
  if (kinds.length === 0) return ['Product', 'SKU'];
  if (kinds.length === 1) return [kinds[0]![0], kinds[0]![1]];
  // A mix (a review across screens): each row's own kind of name, listed in the header.
  return ['Item', kinds.map((k) => k[1]).join(' / ')];
}

export interface RowName {
  name: string;
  sku: string;
}

/** "Blue mug" / "Blue mug — Size: M, Colour: Red", with the row's own SKU; ids only when the catalog no longer has the row. */
export function rowName(edit: Pick<StagedEdit, 'entity' | 'id' | 'productId'>, catalog: CatalogIndex): RowName {
  if (edit.entity === 'product') {
    const product = catalog.product(edit.id);
    return product ? { name: product.name, sku: product.sku } : { name: `Product #${edit.id} (not in the local catalog)`, sku: '' };
  }
  if (edit.entity === 'variant') {
    const found = catalog.variant(edit.id);
    if (!found) return { name: `Variant #${edit.id} (not in the local catalog)`, sku: '' };
    const options = found.variant.option_values.map((o) => `${o.option_display_name}: ${o.label}`).join(', ');
    return { name: options ? `${found.product.name} — ${options}` : found.product.name, sku: found.variant.sku };
  }
  if (edit.entity === 'customer') {
    const customer = catalog.customer(edit.id);
    return customer ? { name: `${customer.first_name} ${customer.last_name}`.trim() || customer.email, sku: customer.email } : { name: `Customer #${edit.id}`, sku: '' };
  }
  if (edit.entity === 'order') {
    const order = catalog.order(edit.id);
    // An order's "SKU" column says whose it is: the customer's name, else the email.
    return order ? { name: `Order #${order.id}`, sku: order.customer_name || order.email } : { name: `Order #${edit.id} (not in the local orders)`, sku: '' };
  }
  return { name: `${edit.entity} #${edit.id}`, sku: '' };
}

/** A value as the store shows it: money padded to the currency's places ("20" → "20.00"), a group or an order status by its name. */
export function formatStaged(entity: StagedEdit['entity'], field: string, value: JsonValue, decimalPlaces: number, catalog?: CatalogIndex): string {
  if (entity === 'customer' && field === 'customer_group_id' && typeof value === 'number') return catalog?.groupName(value) ?? `Group #${value}`;
  if (entity === 'order' && field === 'status_id' && typeof value === 'number') return catalog?.statusName(value) ?? `Status ${value}`;
  if (value === null) return entity === 'variant' && field.endsWith('price') ? '— (product’s)' : '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string' && fieldSpec(entity, field)?.kind === 'money' && isMoney(value)) return formatMoney(value, decimalPlaces);
  return String(value);
}

export const ABSURD_MONEY = '1000000';
export const ABSURD_STOCK = 1_000_000;
const MONEY_FIELDS = new Set(['price', 'sale_price', 'cost_price', 'retail_price', 'map_price']);

/** The value a row will have once the staged edits are applied: staged `to`, else the catalog's. */
type Effective = (field: string) => JsonValue;

function effectiveValues(edit: StagedEdit, staged: ReadonlyMap<string, StagedEdit>, catalog: CatalogIndex): Effective {
  const row: Record<string, unknown> | undefined =
    edit.entity === 'product' ? catalog.product(edit.id) : edit.entity === 'variant' ? catalog.variant(edit.id)?.variant : undefined;
  const parent = edit.entity === 'variant' ? catalog.variant(edit.id)?.product : undefined;
  const own = (field: string): JsonValue => {
    const s = staged.get(`${edit.entity}:${edit.id}:${field}`);
    return s ? s.to : ((row?.[field] as JsonValue | undefined) ?? null);
  };
  // A variant price of null is its product's (staged or not).
  return (field) => {
    const value = own(field);
    if (value !== null || !parent) return value;
    const s = staged.get(`product:${parent.id}:${field}`);
    return s ? s.to : ((parent as unknown as Record<string, JsonValue>)[field] ?? null);
  };
}

const money = (v: JsonValue): string | null => (typeof v === 'string' && isMoney(v) ? v : null);

/** Warnings for one staged edit (empty when none). */
export function editWarnings(edit: StagedEdit, staged: ReadonlyMap<string, StagedEdit>, catalog: CatalogIndex, decimalPlaces: number): string[] {
  const warnings: string[] = [];
  const to = edit.to;
  if (MONEY_FIELDS.has(edit.field) && money(to) && compareMoney(money(to)!, ABSURD_MONEY) >= 0) warnings.push(`unusually large: ${formatMoney(money(to)!, decimalPlaces)}`);
  if (edit.field.startsWith('inventory') && typeof to === 'number' && to >= ABSURD_STOCK) warnings.push(`unusually large stock: ${to.toLocaleString('en-US')}`);
  if (edit.field.startsWith('inventory') && typeof to === 'number' && to < 0) warnings.push('stock goes negative');
  if (!MONEY_FIELDS.has(edit.field)) return warnings;
  const from = money(edit.from);
  if (from && money(to) && compareMoney(from, '0') > 0) {
    const change = subMoney(money(to)!, from);
    const limit = mulMoney(from, '0.5');
    if (compareMoney(change, limit) > 0 || compareMoney(change, `-${limit}`) < 0) warnings.push('price changes by more than 50 %');
  }
  if (edit.field !== 'price' && edit.field !== 'sale_price' && edit.field !== 'cost_price') return warnings;
  const value = effectiveValues(edit, staged, catalog);
  const price = money(value('price'));
  const sale = money(value('sale_price'));
  const cost = money(value('cost_price'));
  if (price && sale && compareMoney(sale, '0') > 0 && compareMoney(sale, price) >= 0 && edit.field !== 'cost_price') warnings.push('sale price is not below the price');
  if (price && cost && compareMoney(cost, '0') > 0 && compareMoney(price, cost) < 0 && edit.field !== 'sale_price') warnings.push('price is below cost');
  return warnings;
}

export interface Review {
  /** Staged edits per column label, in the order first met. */
  countsByField: Array<[string, number]>;
  /** Key → warnings, only for edits that have some. */
  warnings: Map<string, string[]>;
}

/**
 * Warnings of the last review, by staged key with the edit object they were worked out for. A
 * staged change (one keystroke, or the refetched list after it) used to re-review every staged
 * edit; after a 10,000-cell paste that cost each keystroke more than a frame. A refetched list
 * keeps the objects of unchanged edits (react-query's structural sharing), so an edit whose object
 * and row prices did not move keeps its warnings.
 */
export interface ReviewCache {
  catalog: CatalogIndex | null;
  decimalPlaces: number;
  last: Map<string, { edit: StagedEdit; warnings: string[] }>;
}
export const reviewCache = (): ReviewCache => ({ catalog: null, decimalPlaces: -1, last: new Map() });

const PRICE_CHECKED = new Set(['price', 'sale_price', 'cost_price']);
const rowOf = (edit: Pick<StagedEdit, 'entity' | 'id'>) => `${edit.entity}:${edit.id}`;
/** Staged keys by edit object: a refetched list keeps its unchanged objects, so 10,000 keys are not made (and hashed) again per review. */
const keys = new WeakMap<StagedEdit, string>();
const keyOf = (edit: StagedEdit): string => {
  let key = keys.get(edit);
  if (key === undefined) keys.set(edit, (key = `${edit.entity}:${edit.id}:${edit.field}`));
  return key;
};

/** Whether an edit's warnings read a moved row: its own, or for a variant its product's (a variant price of null is the product's). */
function readsMoved(edit: StagedEdit, moved: ReadonlySet<string>, catalog: CatalogIndex): boolean {
  if (!PRICE_CHECKED.has(edit.field) || moved.size === 0) return false;
  if (moved.has(rowOf(edit))) return true;
  if (edit.entity !== 'variant') return false;
  const productId = edit.productId ?? catalog.variant(edit.id)?.product.id;
  return productId !== undefined && moved.has(`product:${productId}`);
}

/** Rows (entity:id) whose staged prices changed since the last review: the price warnings of their edits read them. */
function movedRows(edits: readonly StagedEdit[], staged: () => ReadonlyMap<string, StagedEdit>, last: ReviewCache['last']): Set<string> {
  const moved = new Set<string>();
  let kept = 0;
  for (const edit of edits) {
    const same = last.get(keyOf(edit))?.edit === edit;
    if (same) kept++;
    else if (PRICE_CHECKED.has(edit.field)) moved.add(rowOf(edit));
  }
  // Every earlier edit is still there (the usual keystroke): none left.
  if (kept === last.size) return moved;
  for (const [key, { edit }] of last) if (PRICE_CHECKED.has(edit.field) && staged().get(key) !== edit) moved.add(rowOf(edit));
  return moved;
}

export function reviewStaged(edits: readonly StagedEdit[], catalog: CatalogIndex, decimalPlaces: number, cache?: ReviewCache): Review {
  let byKey: Map<string, StagedEdit> | null = null;
  const staged = () => (byKey ??= new Map(edits.map((e) => [keyOf(e), e])));
  const counts = new Map<string, number>();
  const warnings = new Map<string, string[]>();
  const last = cache && cache.catalog === catalog && cache.decimalPlaces === decimalPlaces ? cache.last : null;
  const moved = last ? movedRows(edits, staged, last) : new Set<string>();
  const next: ReviewCache['last'] = new Map();
  for (const edit of edits) {
    const key = keyOf(edit);
    counts.set(edit.field, (counts.get(edit.field) ?? 0) + 1);
    const before = last?.get(key);
    const found = before && before.edit === edit && !readsMoved(edit, moved, catalog) ? before.warnings : editWarnings(edit, staged(), catalog, decimalPlaces);
    if (cache) next.set(key, { edit, warnings: found });
    if (found.length > 0) warnings.set(key, found);
  }
  if (cache) Object.assign(cache, { catalog, decimalPlaces, last: next });
  return { countsByField: [...counts].map(([field, n]): [string, number] => [fieldLabel(field), n]), warnings };
}
