import type { RowsChanged } from '../../../shared/contract';
import type { CatalogService } from '../catalog';

/**
 * After a catalog job comes to rest: the products it created, changed or deleted are read back from
 * the store (catalog.refreshIds: the rows it has, the ids it no longer has) into the local catalog,
 * and the renderer hears it (`data.rowsChanged`) so the grid repaints without a reload. Nothing
 * happens for a store whose catalog was never loaded.
 */
export async function patchCatalog(
  job: { storeId: string; id: string; productIds: readonly number[] },
  catalog: Pick<CatalogService, 'refreshIds'>,
  onRowsChanged?: (change: RowsChanged) => void,
): Promise<void> {
  const ids = [...new Set(job.productIds)];
  if (ids.length === 0) return;
  const { rows, removedIds } = await catalog.refreshIds(job.storeId, ids);
  if (rows.length === 0 && removedIds.length === 0) return;
  onRowsChanged?.({
    storeId: job.storeId,
    entity: 'product',
    rows: rows as Extract<RowsChanged, { entity: 'product' }>['rows'],
    ...(removedIds.length > 0 ? { removedIds } : {}),
    cause: { kind: 'job', jobId: job.id },
  });
}
