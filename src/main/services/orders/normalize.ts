import { z } from 'zod';
import type { OrderAddress, OrderRowData, OrderStatus } from '../../../shared/contract';
import { BigCommerceError } from '../bigcommerce';

/**
 * Orders V2 answers → the rows and statuses Stockroom keeps (bigcommerce-facts §7). Parsed
 * leniently (a store may leave a text field null), but an answer without the fields a row needs
 * is a BAD_RESPONSE, never a row with holes.
 */
const text = z.string().nullish().transform((v) => v ?? '');
const int = z.number().int().nullish().transform((v) => v ?? 0);

const ApiAddress = z.object({
  first_name: text, last_name: text, company: text, street_1: text, street_2: text, city: text, state: text, zip: text,
  country: text, phone: text, email: text,
});
const ShippingConsignment = ApiAddress.extend({ shipping_method: text });
const Consignments = z.object({ shipping: z.array(ShippingConsignment).nullish() });

export const ApiOrder = z.object({
  id: z.number().int().positive(),
  customer_id: int,
  date_created: z.string(),
  date_modified: z.string(),
  status_id: z.number().int().min(0),
  status: text,
  items_total: int,
  items_shipped: int,
  total_inc_tax: z.union([z.string(), z.number()]).transform(String),
  currency_code: text,
  payment_method: text,
  payment_status: text,
  staff_notes: text,
  customer_message: text,
  billing_address: ApiAddress.nullish(),
  consignments: z.unknown(),
  channel_id: int,
  external_id: z.union([z.string(), z.number()]).nullish().transform((v) => (v === null || v === undefined ? '' : String(v))),
});
export type ApiOrder = z.infer<typeof ApiOrder>;

export const ApiStatus = z.object({ id: z.number().int().min(0), name: text, system_label: text, custom_label: text, order: int });

/** RFC-2822 ("Tue, 20 Nov 2012 00:00:00 +0000") → ISO; an unreadable date stays as sent. */
export function isoDate(value: string): string {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

/** The first shipping consignment (object structure, or the legacy one-element array). */
function firstShipping(consignments: unknown): z.infer<typeof ShippingConsignment> | null {
  const raw = Array.isArray(consignments) ? consignments[0] : consignments;
  const parsed = Consignments.safeParse(raw);
  return parsed.success ? (parsed.data.shipping?.[0] ?? null) : null;
}

export function toOrderRow(o: ApiOrder, statusNames: ReadonlyMap<number, string>): OrderRowData {
  const billing = o.billing_address;
  const ship = firstShipping(o.consignments);
  return {
    id: o.id,
    date_created: isoDate(o.date_created),
    date_modified: isoDate(o.date_modified),
    status_id: o.status_id,
    status: statusNames.get(o.status_id) ?? o.status,
    customer_id: o.customer_id,
    customer_name: billing ? `${billing.first_name} ${billing.last_name}`.trim() : '',
    email: billing?.email ?? '',
    items_total: o.items_total,
    items_shipped: o.items_shipped,
    total_inc_tax: o.total_inc_tax,
    currency_code: o.currency_code,
    payment_method: o.payment_method,
    payment_status: o.payment_status,
    shipping_method: ship?.shipping_method ?? '',
    ship_to_country: ship?.country ?? '',
    staff_notes: o.staff_notes,
    customer_message: o.customer_message,
    channel_id: o.channel_id,
    external_id: o.external_id,
  };
}

export function toAddress(a: z.infer<typeof ApiAddress>): OrderAddress {
  const { first_name, last_name, company, street_1, street_2, city, state, zip, country, phone, email } = a;
  return { first_name, last_name, company, street_1, street_2, city, state, zip, country, phone, email };
}
export { ApiAddress };

/** `custom_label` when the store renamed the status, else its name. */
export function toStatus(s: z.infer<typeof ApiStatus>): OrderStatus {
  const systemName = s.system_label || s.name;
  return { id: s.id, name: s.custom_label || s.name || systemName, systemName, order: s.order };
}

export function parseOrThrow<T>(schema: z.ZodType<T>, data: unknown, path: string): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new BigCommerceError({ code: 'BAD_RESPONSE', message: `Unexpected response from ${path}: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'invalid'}.`, method: 'GET', path });
}
