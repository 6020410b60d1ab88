import type { CompareResult, CopyField, CopyResult, JobEdit } from '../../../shared/contract';
import { AppError } from '../../../shared/rpc';
import type { CatalogService, CatalogSnapshot } from '../catalog';
import { planCopy, type CopySide } from './copy-plan';
import { matchSkus } from './matching';
import { indexSkus, type SkuIndex } from './sku-index';

export interface CompareServiceDeps {
  catalog: Pick<CatalogService, 'snapshot'>;
  /** The profile of a store id; throws NOT_FOUND for an unknown one. */
  profile(storeId: string): { name: string; color: string };
  stage(input: { storeId: string; edits: JobEdit[] }): Promise<unknown>;
}

export interface CompareService {
  match(input: { storeIds: string[]; skus?: string[] }): Promise<CompareResult>;
  copy(input: { fromStoreId: string; toStoreId: string; skus: string[]; fields: CopyField[]; factor?: string }): Promise<CopyResult>;
}

/**
 * Compare and copy across stores, from each store's catalog cache. Indexes are built once per
 * snapshot (a sync replaces the snapshot object, so a stale index is never used).
 */
export function createCompareService(deps: CompareServiceDeps): CompareService {
  const indexes = new WeakMap<CatalogSnapshot, SkuIndex>();
  const indexOf = (snapshot: CatalogSnapshot): SkuIndex => {
    let index = indexes.get(snapshot);
    if (!index) indexes.set(snapshot, (index = indexSkus(snapshot.products)));
    return index;
  };
  const side = async (storeId: string): Promise<CopySide> => {
    const { name } = deps.profile(storeId);
    const snapshot = await deps.catalog.snapshot(storeId);
    if (!snapshot) throw new AppError('CONFLICT', `${name} has no local catalog yet: load it in Products first`);
    return { name, index: indexOf(snapshot), currency: snapshot.currency, decimalPlaces: snapshot.decimalPlaces };
  };

  return {
    async match({ storeIds, skus }) {
      const profiles = storeIds.map((id) => ({ id, ...deps.profile(id) }));
      const snapshots = await Promise.all(storeIds.map((id) => deps.catalog.snapshot(id)));
      const empty: SkuIndex = new Map();
      const matched = matchSkus(snapshots.map((s) => (s ? indexOf(s) : empty)), skus);
      const stores = profiles.map((p, i) => {
        const s = snapshots[i];
        return { storeId: p.id, name: p.name, color: p.color, currency: s?.currency ?? null, decimalPlaces: s?.decimalPlaces ?? null, syncedAt: s?.syncedAt ?? null };
      });
      return { stores, ...matched };
    },
    async copy({ fromStoreId, toStoreId, skus, fields, factor }) {
      const [from, to] = await Promise.all([side(fromStoreId), side(toStoreId)]);
      const plan = planCopy({ from, to, skus, fields, ...(factor !== undefined && { factor }) });
      if (plan.edits.length > 0) await deps.stage({ storeId: toStoreId, edits: plan.edits });
      return { staged: plan.edits.length, unchanged: plan.unchanged, skipped: plan.skipped };
    },
  };
}
