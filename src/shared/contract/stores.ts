import { z } from 'zod';
import { event, method } from './define';

export const StoreId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'a store id is 1-64 of a-z, 0-9 and -');
export const StoreHash = z.string().regex(/^[a-z0-9]{1,32}$/, 'a store hash is 1-32 of a-z and 0-9');

export const AccessLevel = z.enum(['none', 'read', 'modify']);
export const AREAS = ['products', 'orders', 'customers', 'information', 'webhooks'] as const;
export const Area = z.enum(AREAS);
export const AreaAccess = z.record(Area, AccessLevel);

export const ConnectionInfo = z.object({
  storeName: z.string(),
  planName: z.string(),
  currency: z.string(),
  decimalPlaces: z.number().int().min(0).max(4),
  access: AreaAccess,
  checkedAt: z.string(),
});
export type ConnectionInfo = z.infer<typeof ConnectionInfo>;

/** What the renderer may know of a store: never its token, only whether one is stored. */
export const StoreProfile = z.object({
  id: StoreId,
  name: z.string(),
  storeHash: StoreHash,
  apiOrigin: z.string(),
  color: z.string(),
  isDemo: z.boolean(),
  hasToken: z.boolean(),
  connection: ConnectionInfo.nullable(),
});
export type StoreProfile = z.infer<typeof StoreProfile>;

export const KeychainStatus = z.object({
  status: z.enum(['ok', 'unavailable']),
  message: z.string().optional(),
});

export const StoreList = z.object({
  stores: z.array(StoreProfile),
  activeStoreId: StoreId.nullable(),
  keychain: KeychainStatus,
});
export type StoreList = z.infer<typeof StoreList>;

export const storesMethods = {
  'stores.list': method(z.object({}).strict(), StoreList, 'All store profiles, the active one and the keychain status.'),
  'stores.select': method(z.object({ id: StoreId }).strict(), StoreList, 'Make a store the active one.'),
};

export const storesEvents = {
  'stores.changed': event(StoreList, 'The profile list or the active store changed.'),
};
