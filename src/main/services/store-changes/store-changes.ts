import type { RowsChanged } from '../../../shared/contract';
import type { CatalogService } from '../catalog';
import type { StoreChange } from '../webhooks';

export type ChangedEntity = StoreChange['entity'];

/** Refreshes one area's rows named by a webhook and reports them; orders and customers register theirs. */
export type AreaRefresher = (change: StoreChange) => Promise<void>;

export interface StoreChangesDeps {
  catalog: Pick<CatalogService, 'refreshIds' | 'snapshot'>;
  /** Main's word to the renderer that rows changed (the `data.rowsChanged` event). */
  onRowsChanged(change: RowsChanged): void;
  log(line: string): void;
}

export interface StoreChangesService {
  /** A webhook named rows of a store: fetch exactly those and report them. Never throws. */
  onStoreChanged(change: StoreChange): void;
  /** Who refreshes an area other than the catalog (orders, customers). */
  register(entity: Exclude<ChangedEntity, 'product' | 'variant'>, refresh: AreaRefresher): void;
  /** Resolves once every refresh begun so far has finished (tests, close). */
  idle(): Promise<void>;
}

/**
 * From "the store says these rows changed" to the renderer's cached rows: the catalog fetches
 * exactly the named products (a variant's change travels as its product, which owns it in the
 * cache) and the event carries the full new rows, as after a job. A staged edit on such a row is
 * left alone: the grid shows the store's new value beside it and the apply's conflict check
 * decides (the staged `from` no longer matches).
 */
export function createStoreChangesService(deps: StoreChangesDeps): StoreChangesService {
  const refreshers = new Map<ChangedEntity, AreaRefresher>();
  const running = new Set<Promise<void>>();

  async function refreshCatalog(change: StoreChange): Promise<void> {
    const productIds = change.entity === 'product' ? change.ids : await productsOfVariants(change);
    if (productIds.length === 0) return;
    const { rows, removedIds } = await deps.catalog.refreshIds(change.storeId, productIds);
    if (rows.length === 0 && removedIds.length === 0) return;
    deps.onRowsChanged({
      storeId: change.storeId,
      entity: 'product',
      rows: rows as Extract<RowsChanged, { entity: 'product' }>['rows'],
      ...(removedIds.length ? { removedIds } : {}),
      cause: { kind: 'webhook' },
    });
  }

  /** A delivery for a variant may not name its product: the cache knows which product owns it. */
  async function productsOfVariants(change: StoreChange): Promise<number[]> {
    if (change.productIds?.length) return change.productIds;
    const snapshot = await deps.catalog.snapshot(change.storeId);
    if (!snapshot) return [];
    const wanted = new Set(change.ids);
    return snapshot.products.filter((p) => p.variants.some((v) => wanted.has(v.id))).map((p) => p.id);
  }

  function track(work: Promise<void>, change: StoreChange): void {
    const settled = work.catch((error: unknown) => deps.log(`[webhooks] could not refresh ${change.entity} ${change.ids.join(',')} of ${change.storeId}: ${error instanceof Error ? error.message : String(error)}`));
    running.add(settled);
    void settled.then(() => running.delete(settled));
  }

  return {
    onStoreChanged(change) {
      const refresh = change.entity === 'product' || change.entity === 'variant' ? refreshCatalog : refreshers.get(change.entity);
      if (refresh) track(refresh(change), change);
    },
    register(entity, refresh) {
      refreshers.set(entity, refresh);
    },
    idle: async () => {
      while (running.size) await Promise.all(running);
    },
  };
}
