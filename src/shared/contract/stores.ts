import { z } from 'zod';
import { event, method } from './define';

/** A store profile's id: the key of everything Stockroom keeps per store (token, journal, staging, cache). */
export const STORE_ID_PATTERN = /^[a-z0-9-]{1,64}$/;
/** BigCommerce's store hash, the `{store_hash}` path segment of the API. */
export const STORE_HASH_PATTERN = /^[a-z0-9]{1,32}$/;
export const StoreId = z.string().regex(STORE_ID_PATTERN, 'a store id is 1-64 of a-z, 0-9 and -');
export const StoreHash = z.string().regex(STORE_HASH_PATTERN, 'a store hash is 1-32 of a-z and 0-9');

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

/** https only, except loopback (the demo store, a local proxy): a token never travels in clear over a network. */
export const ApiOrigin = z
  .string()
  .max(200)
  .refine((value) => {
    try {
      const url = new URL(value);
      const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
      return (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) && url.pathname === '/' && !url.search && !url.username;
    } catch {
      return false;
    }
  }, 'the API origin must be an https:// origin such as https://api.bigcommerce.com (http:// only on this computer)')
  .transform((value) => new URL(value).origin);

const StoreName = z.string().trim().min(1, 'give the store a name').max(80);
const ApiToken = z.string().trim().min(8, 'the access token looks too short').max(200).regex(/^[\x21-\x7e]+$/, 'the access token has characters a token cannot have');
const Color = z.string().regex(/^#[0-9a-f]{6}$/i, 'a colour is #rrggbb');

export const AddStoreParams = z
  .object({ name: StoreName, storeHash: StoreHash, token: ApiToken, apiOrigin: ApiOrigin.optional(), color: Color.optional() })
  .strict();
export const UpdateStoreParams = z
  .object({ id: StoreId, name: StoreName.optional(), storeHash: StoreHash.optional(), token: ApiToken.optional(), apiOrigin: ApiOrigin.optional(), color: Color.optional() })
  .strict();
export const TestCredentialsParams = z.object({ storeHash: StoreHash, token: ApiToken, apiOrigin: ApiOrigin.optional() }).strict();

export const RateBudget = z.object({
  storeId: StoreId,
  storeHash: z.string(),
  left: z.number().nullable(),
  quota: z.number().nullable(),
  windowMs: z.number().nullable(),
  resetAt: z.number().nullable(),
  inFlight: z.number(),
  queued: z.number(),
  waitingMs: z.number(),
});
export type RateBudget = z.infer<typeof RateBudget>;

export const storesMethods = {
  'stores.list': method(z.object({}).strict(), StoreList, 'All store profiles, the active one and the keychain status.'),
  'stores.select': method(z.object({ id: StoreId }).strict(), StoreList, 'Make a store the active one.'),
  'stores.add': method(AddStoreParams, StoreList, 'Test a store connection, put its token in the keychain, save the profile.'),
  'stores.update': method(UpdateStoreParams, StoreList, 'Rename, recolour, or re-point a profile (a new token is tested first).'),
  'stores.remove': method(z.object({ id: StoreId }).strict(), StoreList, 'Remove a profile and its keychain entry.'),
  'stores.testConnection': method(z.object({ id: StoreId }).strict(), ConnectionInfo, 'Test a saved profile and record what it can do.'),
  'stores.testCredentials': method(TestCredentialsParams, ConnectionInfo, 'Test a hash and token before saving them.'),
  'stores.getBudget': method(z.object({ id: StoreId }).strict(), RateBudget, 'The store\'s current API rate-limit budget.'),
};

export const storesEvents = {
  'stores.changed': event(StoreList, 'The profile list or the active store changed.'),
  'stores.budgetChanged': event(RateBudget, 'A store\'s API rate-limit budget changed (throttled).'),
};
