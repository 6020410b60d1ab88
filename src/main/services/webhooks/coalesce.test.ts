import { describe, expect, it, vi } from 'vitest';
import { createChangeCoalescer } from './coalesce';
import type { StoreChange } from './delivery';

describe('createChangeCoalescer', () => {
  it('hands on one change per store and entity for a burst, ids merged', async () => {
    const out: StoreChange[] = [];
    const c = createChangeCoalescer((change) => out.push(change), 20);
    c.add({ storeId: 's1', entity: 'product', ids: [1] });
    c.add({ storeId: 's1', entity: 'product', ids: [2, 1] });
    c.add({ storeId: 's1', entity: 'variant', ids: [7], productIds: [2] });
    c.add({ storeId: 's2', entity: 'product', ids: [1] });
    expect(out).toEqual([]);
    await vi.waitFor(() => expect(out).toHaveLength(3));
    expect(out).toEqual([
      { storeId: 's1', entity: 'product', ids: [1, 2] },
      { storeId: 's1', entity: 'variant', ids: [7], productIds: [2] },
      { storeId: 's2', entity: 'product', ids: [1] },
    ]);
  });

  it('starts a new burst after a flush', () => {
    const out: StoreChange[] = [];
    const c = createChangeCoalescer((change) => out.push(change), 1000);
    c.add({ storeId: 's1', entity: 'order', ids: [5] });
    c.flush();
    c.add({ storeId: 's1', entity: 'order', ids: [6] });
    c.flush();
    expect(out.map((o) => o.ids)).toEqual([[5], [6]]);
  });
});
