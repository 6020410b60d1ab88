import type { BigCommerceClient } from '../bigcommerce';
import { findProductBySku, findVariantBySku, type Raw } from './catalog-api';
import type { RunRow } from './job-model';

const ids = (list: unknown): number[] => (Array.isArray(list) ? (list as Raw[]).map((v) => Number(v.id)) : []);

/** The SKU a create row makes, and how to find it on the store. */
async function findCreated(client: BigCommerceClient, row: RunRow): Promise<{ productId: number; variantIds: number[] } | null> {
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
 * A create whose POST may have gone when Stockroom stopped (or the job was cut off): the SKU is
 * looked up, never sent again blindly. Found: the row is applied with what the store made. Not
 * found: it never landed, and the row is pending again (a resume sends it, through the same check).
 * A failed look-up throws and leaves the mark, so the next run looks again.
 */
export async function settleSending(client: BigCommerceClient, row: RunRow): Promise<void> {
  if (!row.sending) return;
  const found = await findCreated(client, row);
  delete row.sending;
  if (found) Object.assign(row, { status: 'applied', ...found });
  else row.status = 'pending';
}
