import { z } from 'zod';
import { isMoney } from '../money';
import { method } from './define';
import { checkedList } from './issues';
import { StoreId } from './stores';

/**
 * Comparing and copying price and stock between stores, matched by SKU (case-insensitive, as
 * BigCommerce keeps SKUs unique). Both read main's catalog cache of each store: no network.
 */
export const COMPARE_MAX_STORES = 9;
export const COMPARE_MAX_SKUS = 5_000;
/** Rows a comparison answers at most: all shared SKUs of two 100k catalogs would be too many to look at. */
export const COMPARE_MAX_ROWS = 20_000;
export const COPY_FIELDS = ['price', 'stock'] as const;
export type CopyField = (typeof COPY_FIELDS)[number];

const SKU_MESSAGE = 'a SKU is 1-255 characters';
const isSku = (v: unknown): boolean => typeof v === 'string' && v.trim().length > 0 && v.length <= 255;
const Skus = checkedList<string>((v) => (isSku(v) ? null : SKU_MESSAGE), 1, COMPARE_MAX_SKUS);
const distinct = (ids: readonly string[]) => new Set(ids).size === ids.length;

/** A factor is a positive decimal ("0.92"), at most 10 places, below a million: applied exactly, never as a float. */
export const CurrencyFactor = z
  .string()
  .max(24)
  .refine((v) => isMoney(v) && !v.startsWith('-') && /[1-9]/.test(v) && (v.split('.')[1]?.length ?? 0) <= 10 && Number(v) < 1_000_000, 'a factor is a positive decimal such as 0.92 (at most 10 decimal places)');

export const CompareParams = z.strictObject({
  storeIds: z.array(StoreId).min(2).max(COMPARE_MAX_STORES).refine(distinct, 'each store once'),
  /** The SKUs to compare; without it, every SKU at least two of the stores share. */
  skus: Skus.optional(),
});

/** One store's row for a SKU: a product (its own SKU) or a variant. */
export const CompareCellSchema = z.object({
  entity: z.enum(['product', 'variant']),
  id: z.number().int(),
  productId: z.number().int(),
  name: z.string(),
  /** The price a shopper pays before sale: a variant without its own price shows its product's. */
  price: z.string(),
  /** Null where the store does not track stock for this SKU. */
  stock: z.number().int().nullable(),
});
export type CompareCell = z.infer<typeof CompareCellSchema>;

export const CompareStoreSchema = z.object({
  storeId: StoreId,
  name: z.string(),
  color: z.string(),
  currency: z.string().nullable(),
  decimalPlaces: z.number().int().nullable(),
  /** Null when the store's catalog was never loaded: it matches nothing until it is. */
  syncedAt: z.string().nullable(),
});
export type CompareStore = z.infer<typeof CompareStoreSchema>;

export const CompareRowSchema = z.object({
  sku: z.string(),
  /** One per store, in the order of `stores`; null where that store has no such SKU. */
  cells: z.array(CompareCellSchema.nullable()),
});
export type CompareRow = z.infer<typeof CompareRowSchema>;

export const CompareResultSchema = z.object({
  stores: z.array(CompareStoreSchema),
  rows: z.array(CompareRowSchema),
  /** Chosen SKUs none of the stores has. */
  unknown: z.array(z.string()),
  /** More SKUs matched than COMPARE_MAX_ROWS; the first ones by SKU are answered. */
  truncated: z.boolean(),
});
export type CompareResult = z.infer<typeof CompareResultSchema>;

export const CopyParams = z
  .strictObject({
    fromStoreId: StoreId,
    toStoreId: StoreId,
    skus: Skus,
    fields: z.array(z.enum(COPY_FIELDS)).min(1).max(COPY_FIELDS.length).refine(distinct, 'each field once'),
    /** Target price = source price × factor, rounded half-up to the target's decimal places. Required when the currencies differ. */
    factor: CurrencyFactor.optional(),
  })
  .refine((p) => p.fromStoreId !== p.toStoreId, { message: 'copy to another store', path: ['toStoreId'] });

export const CopySkipSchema = z.object({ sku: z.string(), field: z.enum(COPY_FIELDS), reason: z.string() });
export type CopySkip = z.infer<typeof CopySkipSchema>;

export const CopyResultSchema = z.object({
  /** Edits staged on the target store by this call. */
  staged: z.number().int(),
  /** SKU fields that already had the value. */
  unchanged: z.number().int(),
  skipped: z.array(CopySkipSchema),
});
export type CopyResult = z.infer<typeof CopyResultSchema>;

export const compareMethods = {
  'compare.matchSkus': method(CompareParams, CompareResultSchema, 'Price and stock of the chosen SKUs (or all shared ones) in two or more stores, from their catalog caches.'),
  'compare.copyValues': method(CopyParams, CopyResultSchema, 'Stage price and/or stock of SKUs from one store as edits on another (an explicit factor across currencies).'),
};
