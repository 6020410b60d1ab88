import { buildSkuIndex, editIssues, type CheckedEdit, type SkuLookup, type StoreMoney } from '../../../shared/contract/field-checks';
import { MAX_DECIMAL_PLACES } from '../../../shared/money';
import { AppError } from '../../../shared/rpc';
import type { CatalogSnapshot } from '../catalog';

export interface EditChecksDeps {
  /** The local catalog (no network): the store's currency and every SKU. */
  snapshot(storeId: string): Promise<CatalogSnapshot | null>;
}

/** Refuses edits the grid refuses too (field-checks.ts), for callers main must not trust. */
export type EditChecks = (storeId: string, edits: readonly CheckedEdit[]) => Promise<void>;

export function createEditChecks(deps: EditChecksDeps): EditChecks {
  // One index per catalog version: the snapshot's rows array is replaced whenever the catalog changes.
  const indexes = new WeakMap<object, SkuLookup>();
  function skuIndex(snapshot: CatalogSnapshot): SkuLookup {
    let index = indexes.get(snapshot.products);
    if (!index) {
      index = buildSkuIndex(snapshot.products);
      indexes.set(snapshot.products, index);
    }
    return index;
  }

  return async (storeId, edits) => {
    const snapshot = await deps.snapshot(storeId);
    // Without a catalog (nothing loaded, so no grid to edit in) the decimal places are unknown: the spec's own checks still apply.
    const money: StoreMoney = snapshot
      ? { currency: snapshot.currency, decimalPlaces: snapshot.decimalPlaces }
      : { currency: null, decimalPlaces: MAX_DECIMAL_PLACES };
    const needsSkus = snapshot !== null && edits.some((e) => e.field === 'sku');
    const issues = editIssues(edits, { money, ...(needsSkus && { skuOwner: skuIndex(snapshot) }) });
    if (issues.length === 0) return;
    const details = issues.slice(0, 100).map(({ index, message }) => {
      const edit = edits[index]!;
      return { field: `edits.${index}.to`, key: `${edit.entity}:${edit.id}:${edit.field}`, message };
    });
    const first = details[0]!;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    throw new AppError('VALIDATION', `${first.key}: ${first.message}${more}`, { issues: details });
  };
}
