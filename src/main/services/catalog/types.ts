/**
 * The catalog as the grid sees it: one normalised row per product with its variants nested.
 * Rows are plain JSON (they cross IPC/HTTP unchanged): money is a decimal string rounded to the
 * store's decimal places ("87.99"), never a float; `null` only where BigCommerce itself sends
 * null (a variant's price fields: null = inherits from the product).
 * Rows are treated as immutable: every change replaces the row object, so a snapshot handed out
 * earlier never changes under its holder.
 */

export interface OptionValueRow {
  readonly label: string;
  readonly option_display_name: string;
}

export interface VariantRow {
  readonly id: number;
  readonly product_id: number;
  readonly sku: string;
  readonly price: string | null;
  readonly sale_price: string | null;
  readonly cost_price: string | null;
  readonly inventory_level: number | null;
  readonly bin_picking_number: string | null;
  readonly option_values: readonly OptionValueRow[];
}

export type InventoryTracking = 'none' | 'product' | 'variant';

export interface ProductRow {
  readonly id: number;
  readonly name: string;
  readonly sku: string;
  readonly price: string;
  readonly sale_price: string;
  readonly cost_price: string;
  readonly retail_price: string;
  readonly inventory_level: number;
  readonly inventory_tracking: InventoryTracking;
  readonly bin_picking_number: string;
  readonly is_visible: boolean;
  readonly brand_id: number;
  readonly categories: readonly number[];
  /** In the store's weight unit; not money, so a plain number as BigCommerce sends it. */
  readonly weight: number;
  /** As BigCommerce sends it (ISO 8601, second precision, e.g. "2026-01-09T02:24:35+00:00"). */
  readonly date_modified: string;
  /** 'physical' or 'digital'. */
  readonly type: string;
  /** The low-stock level (0 = no warning). */
  readonly inventory_warning_level: number;
  /**
   * The thumbnail image's smallest rendition (`primary_image.url_tiny`, 44×58 on BigCommerce), ''
   * when the product has no image: one string per product is all the grid needs. Optional only so
   * rows built before it (tests, old fixtures) still type-check; the sync always sets it.
   */
  readonly thumbnail_url?: string;
  readonly variants: readonly VariantRow[];
}

export interface CatalogSnapshot {
  storeId: string;
  storeHash: string;
  /** When the last successful sync finished (ISO, local clock): "last synced 5 min ago". */
  syncedAt: string;
  decimalPlaces: number;
  /** The store's currency ("USD"), null when unknown. */
  currency: string | null;
  /** Sorted by id. Shared with the cache: do not mutate (the types say readonly). */
  products: readonly ProductRow[];
  variantCount: number;
}

export type SyncPhase = 'full' | 'delta' | 'reconcile';
export type SyncMode = 'full' | 'delta';

export interface SyncResult {
  storeId: string;
  mode: SyncMode;
  products: number;
  variants: number;
  /** When the sync finished (ISO). */
  at: string;
  /** Products inserted or replaced by this sync (all of them for a full load). */
  upserted: number;
  /** Cached products dropped because BigCommerce no longer has them. */
  removed: number;
}

export type CatalogEvent =
  | { type: 'syncProgressed'; storeId: string; loaded: number; total: number; phase: SyncPhase }
  | ({ type: 'synced' } & SyncResult)
  | { type: 'syncFailed'; storeId: string; message: string; code: string }
  | { type: 'cacheRejected'; storeId: string; reason: string };
