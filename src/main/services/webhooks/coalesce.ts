import type { StoreChange } from './delivery';

/**
 * Gathers changes for `windowMs` and hands them on merged per store and entity. One bulk job writes
 * hundreds of rows and the store sends one delivery per row: the screens should refresh once per
 * burst, not once per row.
 */
export function createChangeCoalescer(flush: (change: StoreChange) => void, windowMs = 50) {
  const pending = new Map<string, { change: StoreChange; ids: Set<number>; productIds: Set<number> }>();
  let timer: NodeJS.Timeout | null = null;

  function drain(): void {
    timer = null;
    const batch = [...pending.values()];
    pending.clear();
    for (const { change, ids, productIds } of batch) {
      flush({ storeId: change.storeId, entity: change.entity, ids: [...ids], ...(productIds.size ? { productIds: [...productIds] } : {}) });
    }
  }

  return {
    add(change: StoreChange): void {
      const key = `${change.storeId}|${change.entity}`;
      let entry = pending.get(key);
      if (!entry) {
        entry = { change, ids: new Set(), productIds: new Set() };
        pending.set(key, entry);
      }
      for (const id of change.ids) entry.ids.add(id);
      for (const id of change.productIds ?? []) entry.productIds.add(id);
      timer ??= setTimeout(drain, windowMs);
    },
    /** Hands on what is pending now (at close). */
    flush(): void {
      if (timer) clearTimeout(timer);
      drain();
    },
  };
}
