import { z } from 'zod';
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
});
export type CatalogStatus = z.infer<typeof CatalogStatus>;

export const catalogMethods = {
  'catalog.sync': method(
    z.object({ storeId: StoreId, mode: z.enum(['refresh', 'full']).default('refresh') }).strict(),
    SyncResult,
    'Load the catalog (first time), refresh it by delta and reconcile deletions, or reload it fully.',
  ),
  'catalog.getStatus': method(z.object({ storeId: StoreId }).strict(), CatalogStatus, 'What the local catalog cache holds for a store.'),
};

export const catalogEvents = {
  'catalog.syncProgressed': event(
    z.object({ storeId: StoreId, loaded: z.number().int(), total: z.number().int(), phase: z.enum(['full', 'delta', 'reconcile']) }),
    'Progress of a catalog sync (throttled).',
  ),
  'catalog.synced': event(SyncResult, 'A catalog sync finished.'),
  'catalog.syncFailed': event(z.object({ storeId: StoreId, message: z.string(), code: z.string() }), 'A catalog sync failed; the previous cache is kept.'),
};
