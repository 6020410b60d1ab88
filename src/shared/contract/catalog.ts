import { z } from 'zod';
import { ColumnarRowsSchema } from '../columns';
import { event, method } from './define';
import { StoreId } from './stores';

export const SyncResult = z.object({
  storeId: StoreId,
  mode: z.enum(['full', 'delta']),
  products: z.number().int(),
  variants: z.number().int(),
  at: z.string(),
  upserted: z.number().int(),
  removed: z.number().int(),
});
export type SyncResult = z.infer<typeof SyncResult>;

export const CatalogStatus = z.object({
  storeId: StoreId,
  /** Null until the first sync has finished. */
  syncedAt: z.string().nullable(),
  products: z.number().int(),
  variants: z.number().int(),
  /** The store currency's decimal places and code, as the last sync found them (null before one). */
  decimalPlaces: z.number().int().min(0).max(10).nullable(),
  currency: z.string().nullable(),
});
export type CatalogStatus = z.infer<typeof CatalogStatus>;

const Money = z.string();
export const VariantRowSchema = z.object({
  id: z.number().int(),
  product_id: z.number().int(),
  sku: z.string(),
  price: Money.nullable(),
  sale_price: Money.nullable(),
  cost_price: Money.nullable(),
  inventory_level: z.number().int().nullable(),
  bin_picking_number: z.string().nullable(),
  option_values: z.array(z.object({ label: z.string(), option_display_name: z.string() })),
});
export const ProductRowSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  sku: z.string(),
  price: Money,
  sale_price: Money,
  cost_price: Money,
  retail_price: Money,
  inventory_level: z.number().int(),
  inventory_tracking: z.enum(['none', 'product', 'variant']),
  bin_picking_number: z.string(),
  is_visible: z.boolean(),
  brand_id: z.number().int(),
  categories: z.array(z.number().int()),
  weight: z.number(),
  date_modified: z.string(),
  type: z.string(),
  inventory_warning_level: z.number().int(),
  /** The thumbnail's smallest rendition ('' = no image); absent on rows from before it was cached. */
  thumbnail_url: z.string().optional(),
  variants: z.array(VariantRowSchema),
});
export type ProductRowData = z.infer<typeof ProductRowSchema>;

export const ProductPage = z.object({ total: z.number().int(), offset: z.number().int(), products: z.array(ProductRowSchema) });

/**
 * A page of products as columns (src/shared/columns): what the grid loads, 100,000 products in a
 * few calls. `fromColumns<ProductRowData>(page.columns)` gives the rows; they are ProductRowSchema
 * rows (main encodes its cached rows; the contract test decodes and checks them against it).
 */
export const ProductColumnsPage = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  count: z.number().int(),
  columns: ColumnarRowsSchema,
});
export type ProductColumnsPage = z.infer<typeof ProductColumnsPage>;
/** Products per listProductColumns call at most: one call fits a large catalog's first screenful and more. */
export const PRODUCT_COLUMNS_MAX = 50_000;

const NamedId = z.object({ id: z.number().int(), name: z.string() });
/** The names behind a product row's ids (categories, brand_id), as of the catalog's last sync. */
export const CatalogNames = z.object({ syncedAt: z.string().nullable(), categories: z.array(NamedId), brands: z.array(NamedId) });
export type CatalogNames = z.infer<typeof CatalogNames>;

export const catalogMethods = {
  'catalog.listProducts': method(
    z.object({ storeId: StoreId, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(5000).default(500), ids: z.array(z.number().int().positive()).max(5000).optional() }).strict(),
    ProductPage,
    'Products from the local catalog cache, by position (sorted by id) or by ids.',
  ),
  'catalog.listProductColumns': method(
    z.object({ storeId: StoreId, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(PRODUCT_COLUMNS_MAX).default(PRODUCT_COLUMNS_MAX) }).strict(),
    ProductColumnsPage,
    'Products from the local catalog cache by position (sorted by id), as columns: the compact form for loading the whole catalog.',
  ),
  'catalog.sync': method(
    z.object({ storeId: StoreId, mode: z.enum(['refresh', 'full']).default('refresh') }).strict(),
    SyncResult,
    'Load the catalog (first time), refresh it by delta and reconcile deletions, or reload it fully.',
  ),
  'catalog.getStatus': method(z.object({ storeId: StoreId }).strict(), CatalogStatus, 'What the local catalog cache holds for a store.'),
  'catalog.listNames': method(
    z.object({ storeId: StoreId }).strict(),
    CatalogNames,
    'Category and brand names for the ids in product rows: kept beside the catalog cache, read from the store again after each sync.',
  ),
};

export const catalogEvents = {
  'catalog.syncProgressed': event(
    z.object({ storeId: StoreId, loaded: z.number().int(), total: z.number().int(), phase: z.enum(['full', 'delta', 'reconcile']) }),
    'Progress of a catalog sync (throttled).',
  ),
  'catalog.synced': event(SyncResult, 'A catalog sync finished.'),
  'catalog.syncFailed': event(z.object({ storeId: StoreId, message: z.string(), code: z.string() }), 'A catalog sync failed; the previous cache is kept.'),
};
