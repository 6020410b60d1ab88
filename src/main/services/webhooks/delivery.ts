import type { WebhookEvent } from '../../../shared/contract';

/** A BigCommerce delivery (facts §9): light payload, `store_id` a string, `created_at` unix seconds. */
export interface Delivery {
  scope: string;
  hash: string;
  createdAt: number | null;
  data: Record<string, unknown>;
}

export type ChangedEntity = 'product' | 'variant' | 'order' | 'customer';

/** What an open screen must refresh. Variants also name their products, which own them in the catalog cache. */
export interface StoreChange {
  storeId: string;
  entity: ChangedEntity;
  ids: number[];
  productIds?: number[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const intOf = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);

/** The fields Stockroom relies on; anything else in the body is kept out of the log. */
export function parseDelivery(body: unknown): Delivery | null {
  if (!isRecord(body)) return null;
  const { scope, hash, created_at: createdAt, data } = body;
  if (typeof scope !== 'string' || !/^store\/[A-Za-z/]{1,120}$/.test(scope)) return null;
  if (typeof hash !== 'string' || !/^[0-9a-f]{8,128}$/i.test(hash)) return null;
  return { scope, hash, createdAt: intOf(createdAt), data: isRecord(data) ? data : {} };
}

/**
 * The key a duplicate shares. `hash` is a SHA-1 of `data` alone, and `data` is often just
 * `{type, id}`: two genuine updates of one product carry the same hash. A retried delivery also
 * repeats `created_at`, so the key adds it (and the scope) to drop retries without dropping a later
 * change to the same row.
 */
export function dedupeKey(d: Delivery): string {
  return `${d.scope}|${d.hash}|${d.createdAt ?? ''}`;
}

/** The rows a delivery names, or null for scopes no screen shows (carts, categories, …). */
export function changeOf(storeId: string, d: Delivery): StoreChange | null {
  const area = d.scope.split('/')[1];
  const id = intOf(d.data.id);
  const sub = (key: string): Record<string, unknown> => (isRecord(d.data[key]) ? (d.data[key] as Record<string, unknown>) : {});
  if (area === 'product') {
    const productId = intOf(sub('inventory').product_id) ?? (d.data.type === 'product' ? id : null) ?? intOf(d.data.resource_id);
    return productId === null ? null : { storeId, entity: 'product', ids: [productId] };
  }
  if (area === 'sku') {
    const ref = d.data.sku !== undefined ? sub('sku') : sub('inventory');
    const variantId = intOf(ref.variant_id);
    const productId = intOf(ref.product_id);
    if (variantId === null) return productId === null ? null : { storeId, entity: 'product', ids: [productId] };
    return { storeId, entity: 'variant', ids: [variantId], ...(productId === null ? {} : { productIds: [productId] }) };
  }
  if (area === 'order') {
    const orderId = d.data.type === 'order' ? id : intOf(d.data.resource_id);
    return orderId === null ? null : { storeId, entity: 'order', ids: [orderId] };
  }
  if (area === 'customer') {
    const customerId = intOf(sub('address').customer_id) ?? (d.data.type === 'customer' ? id : null);
    return customerId === null ? null : { storeId, entity: 'customer', ids: [customerId] };
  }
  return null;
}

export function toEvent(storeId: string, d: Delivery, receivedAt: Date): WebhookEvent {
  return {
    storeId,
    hash: d.hash,
    scope: d.scope,
    receivedAt: receivedAt.toISOString(),
    createdAt: d.createdAt === null ? null : new Date(d.createdAt * 1000).toISOString(),
    resourceType: typeof d.data.type === 'string' ? d.data.type.slice(0, 40) : null,
    resourceId: intOf(d.data.id),
  };
}

/** Remembers the last `limit` keys (insertion order), so memory stays bounded under any delivery rate. */
export function createSeenSet(limit: number) {
  const seen = new Set<string>();
  return {
    /** True when the key is new (and remembers it). */
    add(key: string): boolean {
      if (seen.has(key)) return false;
      seen.add(key);
      if (seen.size > limit) seen.delete(seen.values().next().value as string);
      return true;
    },
  };
}
