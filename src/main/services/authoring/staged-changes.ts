import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { newProductProblems, newVariantsProblems, stagedCreateSkus, type ItemProblem, type NewItemContext } from '../../../shared/contract/authoring-checks';
import { productOf, type ChangeInput, type StagedChange } from '../../../shared/contract/authoring';
import { buildSkuIndex, type StoreMoney } from '../../../shared/contract/field-checks';
import { MAX_DECIMAL_PLACES } from '../../../shared/money';
import { AppError } from '../../../shared/rpc';
import { readJsonFile, writeJsonAtomic } from '../fs/atomic-file';
import { storeFileName } from '../fs/store-files';
import type { CatalogSnapshot } from '../catalog';
import { variantLabel } from './job-model';

/**
 * Staged creates and deletes of one store, kept in `authoring/{storeId}/staged.json` (atomic
 * writes; a handful of entries, never the 100,000 cell edits staging's log is built for).
 */
export function stagedPath(dataDir: string, storeId: string): string {
  return join(dataDir, 'authoring', storeFileName(storeId), 'staged.json');
}

/** The staged changes, and the catalog jobs whose unapplied changes were staged again already (see reconcileStaged). */
export interface StagedFile {
  changes: StagedChange[];
  settledJobs: string[];
}

/** Jobs remembered as settled: far more than one store ever has resting at once. */
const SETTLED_KEPT = 500;

export async function loadStaged(dataDir: string, storeId: string): Promise<StagedFile> {
  const data = (await readJsonFile(stagedPath(dataDir, storeId)).catch(() => undefined)) as Partial<StagedFile> | undefined;
  return {
    changes: Array.isArray(data?.changes) ? data.changes : [],
    settledJobs: Array.isArray(data?.settledJobs) ? data.settledJobs.filter((id) => typeof id === 'string') : [],
  };
}

export function saveStaged(dataDir: string, storeId: string, file: StagedFile): Promise<void> {
  return writeJsonAtomic(stagedPath(dataDir, storeId), { version: 1, changes: file.changes, settledJobs: file.settledJobs.slice(-SETTLED_KEPT) });
}

const token = () => randomBytes(4).toString('hex');

/** Deletes key by what they delete (staging one twice is one change); creates get a fresh key. */
export function changeKey(change: ChangeInput): string {
  switch (change.op) {
    case 'createProduct':
      return `new:product:${token()}`;
    case 'createVariants':
      return `new:variants:${change.productId}-${token()}`;
    case 'deleteProduct':
      return `delete:product:${change.productId}`;
    case 'deleteVariant':
      return `delete:variant:${change.variantId}`;
  }
}

type Products = Map<number, CatalogSnapshot['products'][number]>;

/** A clear label, and the refusal when the change cannot be staged against the local catalog. */
export function describeChange(change: ChangeInput, products: Products): string {
  const name = (id: number) => {
    const p = products.get(id);
    return p ? `“${p.name}” (${p.sku})` : `product ${id}`;
  };
  switch (change.op) {
    case 'createProduct':
      return `New product “${change.product.name.trim()}” (${change.product.sku.trim()})${change.variants.length ? ` with ${change.variants.length} variants` : ''}`;
    case 'createVariants':
      return `New variants of ${name(change.productId)}: ${change.variants.map(variantLabel).join('; ')}`;
    case 'deleteProduct':
      return `Delete ${name(change.productId)}`;
    case 'deleteVariant': {
      const v = products.get(change.productId)?.variants.find((x) => x.id === change.variantId);
      return `Delete variant ${v ? `${v.sku} (${v.option_values.map((o) => o.label).join(', ')})` : change.variantId} of ${name(change.productId)}`;
    }
  }
}

export function checkContext(snapshot: CatalogSnapshot | null, staged: readonly StagedChange[]): NewItemContext {
  const money: StoreMoney = snapshot ? { currency: snapshot.currency, decimalPlaces: snapshot.decimalPlaces } : { currency: null, decimalPlaces: MAX_DECIMAL_PLACES };
  return { money, ...(snapshot ? { skuOwner: buildSkuIndex(snapshot.products) } : {}), stagedSkus: stagedCreateSkus(staged) };
}

const missing = (message: string): never => {
  throw new AppError('NOT_FOUND', message);
};

/**
 * Refuses (VALIDATION, with every problem) what the form refuses too; a product or variant the
 * local catalog does not have is NOT_FOUND.
 */
export function checkChange(change: ChangeInput, ctx: NewItemContext, products: Products, index: number): ItemProblem[] {
  const at = (problems: ItemProblem[]) => problems.map((p) => ({ field: `changes.${index}.${p.field}`, message: p.message }));
  const product = change.op === 'createProduct' ? undefined : products.get(change.productId) ?? missing(`There is no product ${change.productId} in the local catalog`);
  switch (change.op) {
    case 'createProduct':
      return at(newProductProblems(productOf(change), ctx));
    case 'createVariants':
      return at(newVariantsProblems(change.variants, ctx));
    case 'deleteProduct':
      return [];
    case 'deleteVariant':
      if (!product!.variants.some((v) => v.id === change.variantId)) missing(`Product ${change.productId} has no variant ${change.variantId}`);
      return product!.variants.length > 1 ? [] : at([{ field: 'variantId', message: 'A product keeps at least one variant: delete the product instead' }]);
  }
}

export function refuseProblems(problems: ItemProblem[]): never {
  const first = problems[0]!;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  throw new AppError('VALIDATION', `${first.message}${more}`, { issues: problems.slice(0, 20).map((p) => ({ field: p.field, message: p.message })) });
}
