import type { AddressRow, CustomerGroupRow, CustomerRow } from '../../state/types';
import { rfc2822 } from '../../util/dates';

/** V3 customer; sub-resources appear only when asked for with `include`. */
export function customerJson(c: CustomerRow, include: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: c.id, email: c.email, first_name: c.first_name, last_name: c.last_name, company: c.company, phone: c.phone,
    registration_ip_address: c.registration_ip_address, notes: c.notes, tax_exempt_category: c.tax_exempt_category,
    customer_group_id: c.customer_group_id, date_modified: c.date_modified, date_created: c.date_created,
    address_count: c.addresses.length, attribute_count: 0, authentication: { force_password_reset: false },
    accepts_product_review_abandoned_cart_emails: c.accepts_product_review_abandoned_cart_emails,
    origin_channel_id: c.origin_channel_id,
  };
  if (c.channel_ids) out.channel_ids = c.channel_ids;
  if (include.has('addresses')) out.addresses = c.addresses.map(addressJson);
  if (include.has('storecredit')) out.store_credit_amounts = [{ amount: c.store_credit }];
  if (include.has('attributes')) out.attributes = [];
  if (include.has('formfields')) out.form_fields = [];
  return out;
}

export function addressJson(a: AddressRow): Record<string, unknown> {
  return { ...a, form_fields: [] };
}

/** V2 customer group: RFC-2822 dates. */
export function groupJson(g: CustomerGroupRow): Record<string, unknown> {
  return {
    id: g.id, name: g.name, is_default: g.is_default, category_access: g.category_access, discount_rules: g.discount_rules,
    date_created: rfc2822(g.created_ms), date_modified: rfc2822(g.modified_ms), is_group_for_guests: g.is_group_for_guests,
  };
}
