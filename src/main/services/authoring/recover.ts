import type { BigCommerceClient } from '../bigcommerce';
import { findProductBySku, findVariantBySku, type Raw } from './catalog-api';
import { writeJob } from './job-files';
import type { JobFile, JobRow } from './job-model';

const ids = (list: unknown): number[] => (Array.isArray(list) ? (list as Raw[]).map((v) => Number(v.id)) : []);

/** The SKU a create row makes, and how to find it on the store. */
async function findCreated(client: BigCommerceClient, row: JobRow): Promise<{ productId: number; variantIds: number[] } | null> {
  const { work } = row;
  if (work.op === 'createProduct' || work.op === 'recreateProduct') {
    const sku = work.op === 'createProduct' ? work.product.sku.trim() : String(work.snapshot.sku ?? '');
    const found = sku ? await findProductBySku(client, sku) : null;
    return found ? { productId: Number(found.id), variantIds: ids(found.variants) } : null;
  }
  if (work.op === 'createVariants' || work.op === 'recreateVariant') {
    const sku = work.op === 'createVariants' ? work.variants[0]!.sku.trim() : String(work.snapshot.sku ?? '');
    const found = sku ? await findVariantBySku(client, work.productId, sku) : null;
    return found ? { productId: work.productId, variantIds: [Number(found.id)] } : null;
  }
  return null;
}

/**
 * A job Stockroom was running when it stopped: a create whose POST may have gone is looked up by
 * SKU (never sent again), a delete that was under way is read back; rows not begun stay pending,
 * and the job is `interrupted` (its staged changes that did not apply are staged again by the caller).
 */
export async function recoverJob(job: JobFile, client: BigCommerceClient, dataDir: string): Promise<void> {
  for (const row of job.rows) {
    if (!row.sending) continue;
    delete row.sending;
    const found = await findCreated(client, row).catch(() => null);
    if (found) Object.assign(row, { status: 'applied', ...found });
    else Object.assign(row, { status: 'failed', message: 'Stockroom stopped while this was being sent, and the store does not have it: stage it again.' });
  }
  for (const row of job.rows) {
    if (row.status === 'pending') Object.assign(row, { status: 'failed', message: 'Not sent: Stockroom stopped before it got here' });
  }
  job.status = 'interrupted';
  await writeJob(dataDir, job);
}
