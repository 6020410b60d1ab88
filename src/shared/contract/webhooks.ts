import { z } from 'zod';
import { event, method } from './define';
import { StoreId } from './stores';

/** The documented scopes (bigcommerce-facts §9, events/index.mdx) the create form offers; wildcards first per area. */
export const WEBHOOK_SCOPES = [
  'store/product/*',
  'store/product/created',
  'store/product/updated',
  'store/product/deleted',
  'store/product/inventory/updated',
  'store/product/inventory/order/updated',
  'store/sku/*',
  'store/sku/created',
  'store/sku/updated',
  'store/sku/deleted',
  'store/sku/inventory/updated',
  'store/sku/inventory/order/updated',
  'store/order/*',
  'store/order/created',
  'store/order/updated',
  'store/order/archived',
  'store/order/statusUpdated',
  'store/order/message/created',
  'store/order/refund/created',
  'store/customer/*',
  'store/customer/created',
  'store/customer/updated',
  'store/customer/deleted',
  'store/customer/address/created',
  'store/customer/address/updated',
  'store/customer/address/deleted',
  'store/shipment/*',
  'store/shipment/created',
  'store/shipment/updated',
  'store/shipment/deleted',
  'store/category/*',
  'store/category/created',
  'store/category/updated',
  'store/category/deleted',
  'store/cart/*',
  'store/subscriber/*',
  'store/information/updated',
  'store/app/uninstalled',
] as const;
export const WebhookScope = z.enum(WEBHOOK_SCOPES);

/** The custom header that carries the per-store secret Stockroom's receiver checks. */
export const SECRET_HEADER = 'X-Stockroom-Webhook-Secret';
/** What the renderer sees instead of the secret: it never crosses the boundary. */
export const SECRET_PLACEHOLDER = '(Stockroom secret)';

export const Webhook = z.object({
  id: z.number().int(),
  scope: z.string(),
  destination: z.string(),
  isActive: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Custom headers, with Stockroom's secret replaced by SECRET_PLACEHOLDER. */
  headers: z.record(z.string(), z.string()),
  /** The hook delivers to this Stockroom's receiver (it carries the store's secret header). */
  toReceiver: z.boolean(),
});
export type Webhook = z.infer<typeof Webhook>;

export const ReceiverInfo = z.object({
  /** Where the receiver listens for this store, e.g. http://127.0.0.1:41234/webhooks/demo-1. */
  localUrl: z.string().nullable(),
  /** The forwarding URL the user entered (real stores), or null. */
  publicUrl: z.string().nullable(),
  /** The destination a new "to Stockroom" hook gets; null when a real store has no public URL yet. */
  destination: z.string().nullable(),
  /** Loopback only unless the user asked otherwise. */
  bindAddress: z.string(),
  isDemo: z.boolean(),
  secretHeader: z.string(),
});
export type ReceiverInfo = z.infer<typeof ReceiverInfo>;

export const WebhookList = z.object({ storeId: StoreId, hooks: z.array(Webhook) });
export type WebhookList = z.infer<typeof WebhookList>;

export const WebhookEvent = z.object({
  storeId: StoreId,
  /** The payload's hash (same for a duplicate delivery). */
  hash: z.string(),
  scope: z.string(),
  receivedAt: z.string(),
  /** The payload's created_at as ISO. */
  createdAt: z.string().nullable(),
  resourceType: z.string().nullable(),
  resourceId: z.number().nullable(),
});
export type WebhookEvent = z.infer<typeof WebhookEvent>;

const HeaderName = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'a header name is 1-64 of A-Z, a-z, 0-9 and -');
const HeaderValue = z.string().max(1024).regex(/^[\x20-\x7e]*$/, 'a header value is printable ASCII');
const HookId = z.number().int().positive();
/** zod's record drops an own `__proto__` key without a word; a header can never be named so: refuse it. */
const HeaderMap = z
  .custom<unknown>((v) => !(typeof v === 'object' && v !== null && Object.prototype.hasOwnProperty.call(v, '__proto__')), 'a header name is 1-64 of A-Z, a-z, 0-9 and -')
  .pipe(z.record(HeaderName, HeaderValue));

/** https only (BigCommerce delivers to port 443); plain http only to this computer (the demo store). */
export const HookDestination = z
  .string()
  .max(500)
  .refine((value) => {
    try {
      const url = new URL(value);
      const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
      return (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) && !url.username && !url.password;
    } catch {
      return false;
    }
  }, 'the destination must be an https:// URL (http:// only on this computer)');

export const CreateWebhookParams = z
  .object({
    storeId: StoreId,
    scope: WebhookScope,
    /** Absent: Stockroom's own receiver (the secret header is added by main). */
    destination: HookDestination.optional(),
    headers: HeaderMap.optional(),
  })
  .strict()
  .refine((p) => !Object.keys(p.headers ?? {}).some((name) => name.toLowerCase() === SECRET_HEADER.toLowerCase()), {
    message: `${SECRET_HEADER} is set by Stockroom`,
    path: ['headers'],
  });

export const PublicUrl = z
  .string()
  .max(300)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' && !url.search && !url.hash && !url.username;
    } catch {
      return false;
    }
  }, 'the public URL must be an https:// URL that forwards to the receiver');

export const webhooksMethods = {
  'webhooks.list': method(z.object({ storeId: StoreId }).strict(), WebhookList, "The store's webhooks (those of Stockroom's API account)."),
  'webhooks.getReceiver': method(z.object({ storeId: StoreId }).strict(), ReceiverInfo, "Where the receiver listens for a store, its public URL and a new hook's destination (no store call)."),
  'webhooks.create': method(CreateWebhookParams, Webhook, 'Create a webhook; without a destination it delivers to Stockroom with the secret header.'),
  'webhooks.update': method(z.object({ storeId: StoreId, id: HookId, isActive: z.boolean() }).strict(), Webhook, 'Activate or deactivate a webhook.'),
  'webhooks.delete': method(z.object({ storeId: StoreId, id: HookId }).strict(), z.object({ id: z.number() }), 'Delete a webhook.'),
  'webhooks.setPublicUrl': method(
    z.object({ storeId: StoreId, publicUrl: PublicUrl.nullable() }).strict(),
    ReceiverInfo,
    'Set (or clear) the public https URL that forwards to the receiver, for a real store.',
  ),
  'webhooks.listEvents': method(z.object({ storeId: StoreId }).strict(), z.array(WebhookEvent), 'The most recent deliveries the receiver accepted, newest first.'),
};

export const webhooksEvents = {
  'webhooks.received': event(WebhookEvent, 'The receiver accepted a (non-duplicate) delivery.'),
};
