import type { RowsChanged } from '../../../shared/contract';
import type { BigCommerceClient } from '../bigcommerce';
import type { CatalogService } from '../catalog';
import { normalizeProduct } from '../catalog/normalize';
import { readProducts } from './catalog-api';
import type { JobFile } from './job-model';

/**
 * After a catalog job: the products it created or changed are read back whole and put in the local
 * catalog, the ones it deleted are dropped, and the renderer hears it (`data.rowsChanged`) so the
 * grid repaints without a reload. Nothing happens for a store whose catalog was never loaded.
 */
export async function patchCatalog(
  job: JobFile,
  client: BigCommerceClient,
  catalog: Pick<CatalogService, 'snapshot' | 'patchRows'>,
  onRowsChanged?: (change: RowsChanged) => void,
): Promise<void> {
  const snapshot = await catalog.snapshot(job.storeId);
  if (!snapshot) return;
  const removed = new Set<number>();
  const touched = new Set<number>();
  for (const row of job.rows) {
    if (row.status !== 'applied' || row.productId === undefined) continue;
    if (row.work.op === 'deleteProduct') {
      removed.add(row.productId);
      touched.delete(row.productId);
    } else {
      touched.add(row.productId);
      removed.delete(row.productId);
    }
  }
  if (removed.size === 0 && touched.size === 0) return;
  const ids = [...touched];
  const raws = [];
  for (let i = 0; i < ids.length; i += 250) raws.push(...(await readProducts(client, ids.slice(i, i + 250))));
  const rows = raws.map((raw) => normalizeProduct(raw, snapshot.decimalPlaces));
  // A product read back as gone was deleted meanwhile: drop it too.
  for (const id of ids) if (!rows.some((r) => r.id === id)) removed.add(id);
  await catalog.patchRows(job.storeId, rows, [...removed]);
  onRowsChanged?.({
    storeId: job.storeId,
    entity: 'product',
    rows: rows as RowsChanged['rows'],
    ...(removed.size > 0 ? { removedIds: [...removed] } : {}),
    cause: { kind: 'job', jobId: job.id },
  });
}
