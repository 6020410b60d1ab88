import { z } from 'zod';
import { event, method } from './define';
import { StoreId } from './stores';

const Id = z.number().int().positive();
const Count = z.number().int().min(0);
const Money = z.string();

/**
 * One order as the Orders grid shows it (Orders V2, bigcommerce-facts §7), kept in main's per-store
 * cache. Dates are ISO strings; money a decimal string as the store sends it ("112.5000"). The
 * shipping method and ship-to country are the first shipping consignment's.
 */
export const OrderRowSchema = z.object({
  id: Id,
  date_created: z.string(),
  date_modified: z.string(),
  status_id: z.number().int().min(0),
  /** The status's name as the store labels it (custom labels honoured). */
  status: z.string(),
  customer_id: Count,
  customer_name: z.string(),
  email: z.string(),
  items_total: Count,
  items_shipped: Count,
  total_inc_tax: Money,
  currency_code: z.string(),
  payment_method: z.string(),
  payment_status: z.string(),
  shipping_method: z.string(),
  ship_to_country: z.string(),
  staff_notes: z.string(),
  customer_message: z.string(),
  /** The sales channel (1 is the storefront): one of the API's sort keys. */
  channel_id: Count,
  /** The id an external system gave the order ('' when none): one of the API's sort keys. */
  external_id: z.string(),
});
export type OrderRowData = z.infer<typeof OrderRowSchema>;

/** A store's order status: `name` is the custom label when the store set one. */
export const OrderStatusSchema = z.object({ id: z.number().int().min(0), name: z.string(), systemName: z.string(), order: z.number().int() });
export type OrderStatus = z.infer<typeof OrderStatusSchema>;

export const OrdersStatus = z.object({
  storeId: StoreId,
  /** Null until the first load has finished. */
  syncedAt: z.string().nullable(),
  orders: Count,
  statuses: z.array(OrderStatusSchema),
});
export type OrdersStatus = z.infer<typeof OrdersStatus>;

/** `removed`: cached orders the store no longer lists (archived or deleted), dropped by this load. */
export const OrdersSyncResult = z.object({ storeId: StoreId, mode: z.enum(['full', 'delta']), orders: Count, upserted: Count, removed: Count, at: z.string() });
export type OrdersSyncResult = z.infer<typeof OrdersSyncResult>;

export const OrderAddressSchema = z.object({
  first_name: z.string(),
  last_name: z.string(),
  company: z.string(),
  street_1: z.string(),
  street_2: z.string(),
  city: z.string(),
  state: z.string(),
  zip: z.string(),
  country: z.string(),
  phone: z.string(),
  email: z.string(),
});
export type OrderAddress = z.infer<typeof OrderAddressSchema>;

export const OrderLineSchema = z.object({
  /** The order product id (what a shipment names). */
  id: Id,
  order_address_id: Count,
  product_id: Count,
  variant_id: Count,
  sku: z.string(),
  name: z.string(),
  /** "Size: L" each. */
  options: z.array(z.string()),
  quantity: Count,
  quantity_shipped: Count,
  quantity_refunded: Count,
  price_inc_tax: Money,
  /** From the local catalog: the variant's bin before its product's; null without one. */
  bin: z.string().nullable(),
  physical: z.boolean(),
});
export type OrderLine = z.infer<typeof OrderLineSchema>;

export const ShipmentSchema = z.object({
  id: Id,
  order_address_id: Count,
  date_created: z.string(),
  tracking_number: z.string(),
  shipping_provider: z.string(),
  tracking_carrier: z.string(),
  shipping_method: z.string(),
  comments: z.string(),
  /** The store's own link, else the one it generated from the carrier; '' when neither. */
  tracking_link: z.string(),
  items: z.array(z.object({ order_product_id: Count, quantity: Count })),
});
export type Shipment = z.infer<typeof ShipmentSchema>;

export const OrderDetailSchema = z.object({
  order: OrderRowSchema,
  billing_address: OrderAddressSchema,
  shipping_addresses: z.array(OrderAddressSchema.extend({ id: Id, shipping_method: z.string() })),
  lines: z.array(OrderLineSchema),
  shipments: z.array(ShipmentSchema),
});
export type OrderDetail = z.infer<typeof OrderDetailSchema>;

/** Providers the spec lists for `shipping_provider` (a `carrier_{id}` of the store's own is allowed too). */
export const SHIPPING_PROVIDERS = ['', 'auspost', 'canadapost', 'endicia', 'usps', 'fedex', 'royalmail', 'ups', 'upsready', 'shipperhq'] as const;

const ShipmentItemInput = z.strictObject({ orderProductId: Id, quantity: z.number().int().positive().max(1_000_000) });
export const ShipmentRequestSchema = z.strictObject({
  orderId: Id,
  /** Omitted: every shipping address of the order with something left to ship gets a shipment. */
  orderAddressId: Id.optional(),
  /** Omitted: everything not yet shipped (or refunded). */
  items: z.array(ShipmentItemInput).min(1).max(500).optional(),
  trackingNumber: z.string().max(50).default(''),
  shippingProvider: z.string().regex(/^(|auspost|canadapost|endicia|usps|fedex|royalmail|ups|upsready|shipperhq|carrier_\d{1,10})$/, 'not a shipping provider the API knows').default(''),
  trackingCarrier: z.string().regex(/^[a-z0-9-]{0,40}$/, 'a carrier slug such as "dhl"').default(''),
  shippingMethod: z.string().max(250).optional(),
  comments: z.string().max(65_535).default(''),
});
export type ShipmentRequest = z.input<typeof ShipmentRequestSchema>;

export const ShipmentOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({ orderId: Id, ok: z.literal(true), shipmentIds: z.array(Id), recovered: z.boolean() }),
  z.object({ orderId: Id, ok: z.literal(false), code: z.string(), message: z.string() }),
]);
export type ShipmentOutcome = z.infer<typeof ShipmentOutcomeSchema>;

export const ORDERS_PER_SHIPMENT_CALL = 500;

export const ordersMethods = {
  'orders.list': method(z.strictObject({ storeId: StoreId }), z.object({ storeId: StoreId, syncedAt: z.string().nullable(), rows: z.array(OrderRowSchema) }), 'Every order in the local orders cache, by id.'),
  'orders.getStatus': method(z.strictObject({ storeId: StoreId }), OrdersStatus, 'What the local orders cache holds for a store, with the store’s statuses.'),
  'orders.refresh': method(
    z.strictObject({ storeId: StoreId, mode: z.enum(['refresh', 'full']).default('refresh') }),
    OrdersSyncResult,
    'Load the orders (first time), refresh them by min_date_modified, or reload them fully.',
  ),
  'orders.listStatuses': method(
    z.strictObject({ storeId: StoreId }),
    z.object({ storeId: StoreId, statuses: z.array(OrderStatusSchema) }),
    'The store’s order statuses by its own names (custom labels honoured): from the orders cache, else read once from the store.',
  ),
  'orders.get': method(z.strictObject({ storeId: StoreId, orderId: Id }), OrderDetailSchema, 'One order from the store: lines (bins from the local catalog), addresses, shipments.'),
  'orders.createShipments': method(
    z.strictObject({ storeId: StoreId, shipments: z.array(ShipmentRequestSchema).min(1).max(ORDERS_PER_SHIPMENT_CALL) }),
    z.object({ results: z.array(ShipmentOutcomeSchema) }),
    'Ship orders (POST /v2/orders/{id}/shipments); quantities are checked against what is left before anything is sent.',
  ),
};

export const ordersEvents = {
  'orders.syncProgressed': event(z.object({ storeId: StoreId, loaded: Count, total: Count }), 'Progress of an orders load (throttled).'),
  'orders.synced': event(OrdersSyncResult, 'An orders load or refresh finished.'),
  'orders.syncFailed': event(z.object({ storeId: StoreId, message: z.string(), code: z.string() }), 'An orders load failed; the previous cache is kept.'),
};
