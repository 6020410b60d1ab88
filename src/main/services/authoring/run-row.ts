import { BigCommerceError, type BigCommerceClient, type Clock } from '../bigcommerce';
import { productOf, type OptionValueRef } from '../../../shared/contract/authoring';
import {
  createProduct, createVariant, deleteProduct, deleteVariant, ensureOptions, productBody, readProductSnapshot,
  readVariantSnapshot, variantBody, type Raw,
} from './catalog-api';
import type { RunRow } from './job-model';
import { recreateBody, recreateVariantBody } from './recreate';

export interface RowDeps {
  client: BigCommerceClient;
  clock?: Clock;
  /** Persist the job (a create's `sending` mark must be durable before its POST goes). */
  save(): Promise<void>;
}

/** An error that stops the whole job (the token was refused): every other row would fail the same way. */
export class StopJob extends Error {}

const ids = (list: unknown): number[] => (Array.isArray(list) ? (list as Raw[]).map((v) => Number(v.id)).filter(Number.isInteger) : []);
const notThere = (what: string) => `${what} is no longer on the store`;

async function create(deps: RowDeps, row: RunRow, body: Raw): Promise<void> {
  row.sending = true;
  await deps.save();
  const created = await createProduct(deps.client, body, deps.clock);
  row.productId = Number(created.id);
  // Inline variants come back with the product; a product without options has only its base variant.
  row.variantIds = ids(created.variants);
}

async function addVariant(deps: RowDeps, row: RunRow, productId: number, body: Raw): Promise<void> {
  const options = await ensureOptions(deps.client, productId, (body.option_values as OptionValueRef[] | undefined) ?? []);
  row.sending = true;
  await deps.save();
  const created = await createVariant(deps.client, productId, body, options, deps.clock);
  row.productId = productId;
  row.variantIds = [Number(created.id)];
}

/** Does what the row says, recording ids and snapshots on it; throws the store's error when it refuses. */
async function perform(deps: RowDeps, row: RunRow): Promise<void> {
  const { work } = row;
  switch (work.op) {
    case 'createProduct':
      return create(deps, row, productBody(productOf(work)));
    case 'recreateProduct':
      return create(deps, row, recreateBody(work.snapshot));
    case 'createVariants':
      // One variant per row (see expandChange), so a refused variant does not hide the others.
      return addVariant(deps, row, work.productId, variantBody(work.variants[0]!));
    case 'recreateVariant':
      return addVariant(deps, row, work.productId, recreateVariantBody(work.snapshot));
    case 'deleteProduct': {
      const snapshot = await readProductSnapshot(deps.client, work.productId);
      // Gone, but read by this row before: its DELETE went out before a stop, and its answer was lost.
      if (!snapshot && row.snapshot) return void Object.assign(row, { productId: work.productId, variantIds: ids(row.snapshot.variants) });
      if (!snapshot) throw new RowRefused(notThere(`Product ${work.productId}`));
      row.snapshot = snapshot;
      await deps.save();
      await deleteProduct(deps.client, work.productId);
      row.productId = work.productId;
      row.variantIds = ids(snapshot.variants);
      return;
    }
    case 'deleteVariant': {
      const snapshot = await readVariantSnapshot(deps.client, work.productId, work.variantId);
      if (!snapshot && row.snapshot) return void Object.assign(row, { productId: work.productId, variantIds: [work.variantId] });
      if (!snapshot) throw new RowRefused(notThere(`Variant ${work.variantId}`));
      row.snapshot = snapshot;
      await deps.save();
      await deleteVariant(deps.client, work.productId, work.variantId);
      row.productId = work.productId;
      row.variantIds = [work.variantId];
    }
  }
}

class RowRefused extends Error {}

/** The store's own words, field by field when it named fields ("sku: Sku "X" is not unique."). */
export function refusal(error: BigCommerceError): { message: string; field?: string } {
  const entries = Object.entries(error.fieldErrors ?? {});
  if (entries.length === 0) return { message: error.message };
  const field = entries[0]![0].split('.').filter((part) => !/^\d+$/.test(part) && part !== 'variants').join('.');
  const message = entries.map(([key, text]) => (text.includes(key.split('.').pop()!) ? text : `${key}: ${text}`)).join('; ');
  return { message, ...(field ? { field } : {}) };
}

/** Runs one row to applied or failed. Only a refused token escapes (StopJob). */
export async function runRow(deps: RowDeps, row: RunRow): Promise<void> {
  try {
    await perform(deps, row);
    row.status = 'applied';
    delete row.message;
  } catch (error) {
    if (error instanceof BigCommerceError && (error.code === 'AUTH' || error.code === 'FORBIDDEN')) throw new StopJob(error.message);
    row.status = 'failed';
    if (error instanceof BigCommerceError) Object.assign(row, refusal(error));
    else if (error instanceof RowRefused) row.message = error.message;
    else row.message = error instanceof Error ? error.message : String(error);
  } finally {
    delete row.sending;
  }
}
