export {
  createCatalogService,
  type CatalogService,
  type CatalogServiceDeps,
  type LoadOptions,
  type RefreshOptions,
} from './catalog-service';
export { CatalogEdit, CatalogEdits, type ApplyLocalResult } from './apply-local';
export { CACHE_SCHEMA } from './cache-file';
export { moneyFromApi } from './normalize';
export type {
  CatalogEvent,
  CatalogSnapshot,
  InventoryTracking,
  OptionValueRow,
  ProductRow,
  SyncMode,
  SyncPhase,
  SyncResult,
  VariantRow,
} from './types';
