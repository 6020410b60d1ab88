import { z } from 'zod';
import { method } from './define';
import { StoreId } from './stores';

const Id = z.number().int().positive();
const Count = z.number().int().min(0);

export const PickLineSchema = z.object({
  /** What the orders say the picker takes; empty when the line had none (then keyed by product). */
  sku: z.string(),
  productId: z.number().int(),
  variantId: z.number().int().nullable(),
  name: z.string(),
  /** "Size: L", in the order the order line lists them. */
  options: z.array(z.string()),
  /** From the local catalog: the variant's bin, else its product's; null when neither has one. */
  bin: z.string().nullable(),
  /** The bin's part before its first separator (`-`, `_`, `.`, `/`, space); null without a bin. */
  zone: z.string().nullable(),
  /** Units to pick: ordered − refunded − already shipped, summed over the orders. */
  quantity: z.number().int().positive(),
  orders: z.array(z.object({ orderId: Id, quantity: z.number().int().positive() })),
  /** The product is no longer in the local catalog (false when there is no catalog to ask). */
  deleted: z.boolean(),
});
export type PickLine = z.infer<typeof PickLineSchema>;

export const PickListSchema = z.object({
  storeId: StoreId,
  builtAt: z.string(),
  /** Orders that have something to pick, ascending. */
  orderIds: z.array(Id),
  /** Asked-for order ids that the store did not return (deleted or archived). */
  missingOrderIds: z.array(Id),
  /** Sorted by bin (natural order, `A-2` before `A-10`), lines without a bin last. */
  lines: z.array(PickLineSchema),
  /** With `groupByZone`: the zones in line order (lines are then sorted by zone first). */
  zones: z.array(z.object({ zone: z.string().nullable(), lines: Count, units: Count })).optional(),
  totals: z.object({ orders: Count, lines: Count, units: Count }),
  /** When the catalog the bins came from was synced; null when there is no local catalog yet. */
  catalogSyncedAt: z.string().nullable(),
  /** API requests the build made (the inline line items keep this near orders / 250). */
  requests: Count,
  /** Each order's status when the list was built (ascending by id): what a status move after printing expects to find. */
  orderStatuses: z.array(z.object({ orderId: Id, statusId: z.number().int().min(0) })),
});
export type PickList = z.infer<typeof PickListSchema>;

export const BuildPickListParams = z
  .object({
    storeId: StoreId,
    /** Default [11] (Awaiting Fulfillment). */
    statusIds: z.array(z.number().int().min(0).max(100)).min(1).max(20).optional(),
    orderIds: z.array(Id).min(1).max(5000).optional(),
    groupByZone: z.boolean().default(false),
  })
  .strict()
  .refine((p) => !(p.statusIds && p.orderIds), { message: 'Give statusIds or orderIds, not both.', path: ['orderIds'] });

export const picklistsMethods = {
  'picklists.build': method(
    BuildPickListParams,
    PickListSchema,
    'A pick list: units to pick per SKU over the orders of some statuses (default Awaiting Fulfillment) or of chosen ids, sorted by bin.',
  ),
};

const Text = z.string().max(2000);

export const PostalAddressSchema = z.object({
  name: Text,
  company: Text,
  street1: Text,
  street2: Text,
  city: Text,
  state: Text,
  zip: Text,
  country: Text,
  phone: Text,
});
export type PostalAddress = z.infer<typeof PostalAddressSchema>;

export const SlipLineSchema = z.object({
  sku: z.string(),
  name: z.string(),
  options: z.array(z.string()),
  /** Ordered less refunded: what belongs in the parcel over the order's life. */
  quantity: z.number().int().min(0),
  /** Of that, already shipped before (a partly shipped order's slip says so). */
  shipped: z.number().int().min(0),
});

export const PackingSlipSchema = z.object({
  orderId: Id,
  /** The order's status when the slips were built. */
  statusId: z.number().int().min(0),
  /** ISO date the order was placed. */
  dateCreated: z.string(),
  customerMessage: z.string(),
  /** One per shipping consignment (usually one): where it goes and what goes there. */
  shipments: z.array(z.object({ shipTo: PostalAddressSchema, shippingMethod: z.string(), lines: z.array(SlipLineSchema) })),
});
export type PackingSlip = z.infer<typeof PackingSlipSchema>;

export const PackingSlipsSchema = z.object({
  storeId: StoreId,
  builtAt: z.string(),
  /** From the store's `/v2/store`: the sender on every slip. */
  store: z.object({ name: z.string(), address: z.string(), country: z.string(), phone: z.string(), email: z.string() }),
  /** Ascending by order id. */
  slips: z.array(PackingSlipSchema),
  missingOrderIds: z.array(Id),
  requests: Count,
});
export type PackingSlips = z.infer<typeof PackingSlipsSchema>;

export const PackingSlipsParams = z
  .object({ storeId: StoreId, statusIds: z.array(z.number().int().min(0).max(100)).min(1).max(20).optional(), orderIds: z.array(Id).min(1).max(1000).optional() })
  .strict()
  .refine((p) => !(p.statusIds && p.orderIds), { message: 'Give statusIds or orderIds, not both.', path: ['orderIds'] });

export const packingSlipsMethods = {
  'picklists.packingSlips': method(
    PackingSlipsParams,
    PackingSlipsSchema,
    'Packing slips: per order the ship-to address, lines and customer message, with the store as sender; by chosen ids or statuses (default Awaiting Fulfillment).',
  ),
};
