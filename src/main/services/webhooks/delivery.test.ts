import { describe, expect, it } from 'vitest';
import { changeOf, createSeenSet, dedupeKey, parseDelivery, type Delivery } from './delivery';

const d = (scope: string, data: Record<string, unknown>): Delivery => ({ scope, hash: 'ab'.repeat(20), createdAt: 1, data });

describe('changeOf', () => {
  it.each([
    ['store/product/updated', { type: 'product', id: 5 }, { entity: 'product', ids: [5] }],
    ['store/product/inventory/updated', { type: 'product', id: 5, inventory: { product_id: 5, method: 'absolute', value: 3 } }, { entity: 'product', ids: [5] }],
    ['store/sku/updated', { type: 'sku', id: 90, sku: { product_id: 5, variant_id: 12 } }, { entity: 'variant', ids: [12], productIds: [5] }],
    ['store/sku/inventory/updated', { type: 'sku', id: 90, inventory: { product_id: 5, variant_id: 12, method: 'absolute', value: 1 } }, { entity: 'variant', ids: [12], productIds: [5] }],
    ['store/order/statusUpdated', { type: 'order', id: 250, status: { previous_status_id: 0, new_status_id: 11 } }, { entity: 'order', ids: [250] }],
    ['store/customer/address/updated', { type: 'customer', id: 3, address: { customer_id: 41 } }, { entity: 'customer', ids: [41] }],
    ['store/customer/created', { type: 'customer', id: 41 }, { entity: 'customer', ids: [41] }],
  ])('%s names the rows to refresh', (scope, data, change) => {
    expect(changeOf('demo-1', d(scope, data))).toEqual({ storeId: 'demo-1', ...change });
  });

  it('names nothing for areas no screen shows', () => {
    expect(changeOf('demo-1', d('store/cart/created', { type: 'cart', id: 'x' }))).toBeNull();
    expect(changeOf('demo-1', d('store/product/updated', {}))).toBeNull();
  });
});

describe('parseDelivery and dedupeKey', () => {
  it('keeps the fields Stockroom uses and refuses the rest', () => {
    expect(parseDelivery({ scope: 'store/product/updated', hash: 'ab'.repeat(20), created_at: 5, data: { type: 'product', id: 1 } })).toMatchObject({ createdAt: 5 });
    expect(parseDelivery({ scope: 'elsewhere', hash: 'ab'.repeat(20) })).toBeNull();
    expect(parseDelivery({ scope: 'store/product/updated', hash: 'not hex!' })).toBeNull();
    expect(parseDelivery([])).toBeNull();
  });

  it('treats a retried delivery as a duplicate but not a later change with the same data', () => {
    const first = d('store/product/updated', { type: 'product', id: 1 });
    expect(dedupeKey({ ...first })).toBe(dedupeKey(first));
    expect(dedupeKey({ ...first, createdAt: 2 })).not.toBe(dedupeKey(first));
  });

  it('remembers a bounded number of keys', () => {
    const seen = createSeenSet(2);
    expect([seen.add('a'), seen.add('a'), seen.add('b'), seen.add('c'), seen.add('a')]).toEqual([true, false, true, true, true]);
  });
});
