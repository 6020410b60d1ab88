import Big from 'big.js';
import type { StoreRuntime } from '../../server/store-runtime';
import type { OrderAddress, OrderProductRow, OrderRow, ShipmentRow, ShippingAddressRow } from '../../state/types';
import { rfc2822 } from '../../util/dates';
import { v2Money as m } from '../../util/money';
import { statusName } from '../../model/order-statuses';
import { totalIncTax } from '../../model/order-math';

/** V2 order shapes: RFC-2822 dates, money as 4-place decimal strings, sub-resources as links. */
const ZERO = '0.0000';

export function link(store: StoreRuntime, resource: string): { url: string; resource: string } {
  return { url: `${store.apiBase()}/stores/${store.profile.hash}/v2${resource}`, resource };
}

export function addressJson(a: OrderAddress): Record<string, unknown> {
  return { ...a, form_fields: [] };
}

export function orderJson(store: StoreRuntime, o: OrderRow): Record<string, unknown> {
  const shipInc = new Big(o.shipping_cost_ex_tax).plus(o.shipping_cost_tax);
  const subInc = new Big(o.subtotal_ex_tax).plus(o.subtotal_tax);
  const us = store.profile.currency === 'USD';
  return {
    id: o.id, customer_id: o.customer_id, date_created: rfc2822(o.created_ms), date_modified: rfc2822(o.modified_ms),
    date_shipped: o.shipped_ms ? rfc2822(o.shipped_ms) : '', status_id: o.status_id, status: statusName(o.status_id),
    subtotal_ex_tax: m(o.subtotal_ex_tax), subtotal_inc_tax: m(subInc), subtotal_tax: m(o.subtotal_tax),
    base_shipping_cost: m(o.shipping_cost_ex_tax), shipping_cost_ex_tax: m(o.shipping_cost_ex_tax), shipping_cost_inc_tax: m(shipInc),
    shipping_cost_tax: m(o.shipping_cost_tax), shipping_cost_tax_class_id: 2, base_handling_cost: ZERO,
    handling_cost_ex_tax: ZERO, handling_cost_inc_tax: ZERO, handling_cost_tax: ZERO, handling_cost_tax_class_id: 2,
    base_wrapping_cost: ZERO, wrapping_cost_ex_tax: ZERO, wrapping_cost_inc_tax: ZERO, wrapping_cost_tax: ZERO,
    wrapping_cost_tax_class_id: 3, total_ex_tax: m(o.total_ex_tax), total_inc_tax: m(totalIncTax(o)), total_tax: m(o.total_tax),
    is_tax_inclusive_pricing: false, items_total: o.items_total, items_shipped: o.items_shipped,
    payment_method: o.payment_method, payment_provider_id: o.extra.payment_provider_id ?? '', payment_status: o.payment_status,
    refunded_amount: m(o.refunded_amount), order_is_digital: false, store_credit_amount: ZERO, gift_certificate_amount: ZERO,
    ip_address: o.ip_address, ip_address_v6: o.extra.ip_address_v6 ?? '',
    geoip_country: o.extra.geoip_country ?? (us ? 'United States' : 'Germany'), geoip_country_iso2: o.extra.geoip_country_iso2 ?? (us ? 'US' : 'DE'),
    currency_id: 1, currency_code: o.currency_code, currency_exchange_rate: '1.0000000000', default_currency_id: 1,
    default_currency_code: o.currency_code, store_default_currency_code: o.currency_code,
    store_default_to_transactional_exchange_rate: '1.0000000000', staff_notes: o.staff_notes, customer_message: o.customer_message,
    discount_amount: m(o.discount_amount), coupon_discount: ZERO, shipping_address_count: o.shipping_addresses.length,
    is_deleted: o.is_deleted, ebay_order_id: o.extra.ebay_order_id ?? '0', cart_id: o.cart_id,
    billing_address: addressJson(o.billing_address), is_email_opt_in: false, order_source: o.extra.order_source ?? 'www',
    consignments: link(store, `/orders/${o.id}/consignments`), products: link(store, `/orders/${o.id}/products`),
    shipping_addresses: link(store, `/orders/${o.id}/shipping_addresses`), coupons: link(store, `/orders/${o.id}/coupons`),
    fees: link(store, `/orders/${o.id}/fees`), external_source: o.extra.external_source ?? null, external_id: o.external_id,
    external_merchant_id: o.extra.external_merchant_id ?? null, channel_id: o.channel_id,
    tax_provider_id: o.extra.tax_provider_id ?? 'BasicTaxProvider', customer_locale: o.extra.customer_locale ?? (us ? 'en' : 'de'),
    external_order_id: o.extra.external_order_id ?? '', credit_card_type: null,
  };
}

export function orderProductJson(l: OrderProductRow): Record<string, unknown> {
  const totalEx = new Big(l.price_ex_tax).times(l.quantity);
  const totalTax = new Big(l.price_tax).times(l.quantity);
  const totalInc = totalEx.plus(totalTax);
  const refunded = l.quantity_refunded ?? 0; // rows seeded by generator v1 have no refunds
  return {
    id: l.id, order_id: l.order_id, product_id: l.product_id, variant_id: l.variant_id, order_pickup_method_id: 0,
    order_address_id: l.order_address_id, name: l.name, name_customer: l.name, name_merchant: l.name, sku: l.sku, upc: l.upc,
    type: l.type, base_price: m(l.base_price), price_ex_tax: m(l.price_ex_tax), price_inc_tax: m(l.price_inc_tax),
    price_tax: m(l.price_tax), base_total: m(totalEx), total_ex_tax: m(totalEx), total_inc_tax: m(totalInc), total_tax: m(totalTax),
    quantity: l.quantity, base_cost_price: m(l.base_cost_price), cost_price_inc_tax: m(l.base_cost_price),
    cost_price_ex_tax: m(l.base_cost_price), cost_price_tax: ZERO, weight: l.weight, width: ZERO, height: ZERO, depth: ZERO,
    is_refunded: refunded > 0, quantity_refunded: refunded, refund_amount: m(new Big(l.price_inc_tax).times(refunded)), return_id: 0, wrapping_id: 0, wrapping_name: null,
    base_wrapping_cost: ZERO, wrapping_cost_ex_tax: ZERO, wrapping_cost_inc_tax: ZERO, wrapping_cost_tax: ZERO,
    wrapping_message: '', quantity_shipped: l.quantity_shipped, event_name: null, event_date: null, fixed_shipping_cost: ZERO,
    ebay_item_id: '', ebay_transaction_id: '', option_set_id: null, parent_order_product_id: null, is_bundled_product: false,
    bin_picking_number: l.bin_picking_number, external_id: null, brand: l.brand, applied_discounts: [],
    product_options: l.product_options.map((po) => ({
      ...po, display_name_customer: po.display_name, display_name_merchant: po.display_name,
      display_value_customer: po.display_value, display_value_merchant: po.display_value,
    })),
    configurable_fields: [], gift_certificate_id: null, discounted_total_inc_tax: m(totalInc),
  };
}

export function shippingAddressJson(store: StoreRuntime, a: ShippingAddressRow): Record<string, unknown> {
  const { id, order_id, items_total, items_shipped, shipping_method, base_cost, cost_ex_tax, cost_inc_tax, cost_tax, ...addr } = a;
  return {
    id, order_id, ...addr, items_total, items_shipped, shipping_method, base_cost: m(base_cost), cost_ex_tax: m(cost_ex_tax),
    cost_inc_tax: m(cost_inc_tax), cost_tax: m(cost_tax), cost_tax_class_id: 2, base_handling_cost: ZERO,
    handling_cost_ex_tax: ZERO, handling_cost_inc_tax: ZERO, handling_cost_tax: ZERO, handling_cost_tax_class_id: 2,
    shipping_zone_id: 1, shipping_zone_name: store.profile.currency === 'USD' ? 'United States' : 'Deutschland', form_fields: [],
    shipping_quotes: link(store, `/orders/${order_id}/shipping_addresses/${id}/shipping_quotes`),
  };
}

const PROVIDER_NAMES: Record<string, string> = {
  ups: 'UPS', usps: 'USPS', fedex: 'FedEx', auspost: 'Australia Post', canadapost: 'Canada Post', royalmail: 'Royal Mail', endicia: 'Endicia',
};

export function shipmentJson(o: OrderRow, s: ShipmentRow): Record<string, unknown> {
  const addr = o.shipping_addresses.find((a) => a.id === s.order_address_id) ?? o.shipping_addresses[0];
  const { id: _i, order_id: _o, items_total: _t, items_shipped: _s, shipping_method: _m, base_cost: _b, cost_ex_tax: _e, cost_inc_tax: _c, cost_tax: _x, ...shipTo } = addr;
  return {
    id: s.id, order_id: s.order_id, customer_id: s.customer_id, order_address_id: s.order_address_id,
    date_created: rfc2822(s.created_ms), tracking_number: s.tracking_number, merchant_shipping_cost: m(s.merchant_shipping_cost),
    shipping_method: s.shipping_method, comments: s.comments, shipping_provider: s.shipping_provider,
    tracking_carrier: s.tracking_carrier, tracking_link: s.tracking_link, billing_address: o.billing_address,
    shipping_address: shipTo, items: s.items, shipping_provider_display_name: PROVIDER_NAMES[s.shipping_provider] ?? '',
    generated_tracking_link: trackingLink(s),
  };
}

function trackingLink(s: ShipmentRow): string {
  if (s.tracking_link || !s.tracking_number) return s.tracking_link;
  const n = encodeURIComponent(s.tracking_number);
  if (s.shipping_provider === 'ups' || s.tracking_carrier === 'ups') return `https://www.ups.com/track?tracknum=${n}`;
  if (s.shipping_provider === 'usps') return `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`;
  if (s.shipping_provider === 'fedex') return `https://www.fedex.com/fedextrack/?trknbr=${n}`;
  if (s.tracking_carrier === 'dhl') return `https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=${n}`;
  return '';
}
