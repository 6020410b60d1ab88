/** Customer, order and webhook row shapes (orders keep numeric money; V2 strings are rendered on output). */

export interface AddressRow {
  id: number;
  customer_id: number;
  first_name: string;
  last_name: string;
  company: string;
  address1: string;
  address2: string;
  city: string;
  state_or_province: string;
  postal_code: string;
  country: string;
  country_code: string;
  phone: string;
  address_type: 'residential' | 'commercial';
}

export interface CustomerRow {
  id: number;
  email: string;
  first_name: string;
  last_name: string;
  company: string;
  phone: string;
  notes: string;
  tax_exempt_category: string;
  customer_group_id: number;
  registration_ip_address: string;
  date_created: string;
  date_modified: string;
  created_ms: number;
  modified_ms: number;
  accepts_product_review_abandoned_cart_emails: boolean;
  origin_channel_id: number;
  channel_ids: number[] | null;
  store_credit: number;
  addresses: AddressRow[];
}

export interface CustomerGroupRow {
  id: number;
  name: string;
  is_default: boolean;
  category_access: { type: 'all' | 'specific' | 'none'; categories?: number[] };
  discount_rules: Array<Record<string, unknown>>;
  is_group_for_guests: boolean;
  created_ms: number;
  modified_ms: number;
}

export interface OrderAddress {
  first_name: string;
  last_name: string;
  company: string;
  street_1: string;
  street_2: string;
  city: string;
  state: string;
  zip: string;
  country: string;
  country_iso2: string;
  phone: string;
  email: string;
}

export interface ShippingAddressRow extends OrderAddress {
  id: number;
  order_id: number;
  items_total: number;
  items_shipped: number;
  shipping_method: string;
  base_cost: number;
  cost_ex_tax: number;
  cost_inc_tax: number;
  cost_tax: number;
}

export interface OrderProductOption {
  id: number;
  option_id: number;
  order_product_id: number;
  product_option_id: number;
  display_name: string;
  display_value: string;
  value: string;
  type: string;
  name: string;
  display_style: string;
}

export interface OrderProductRow {
  id: number;
  order_id: number;
  product_id: number;
  variant_id: number;
  order_address_id: number;
  name: string;
  sku: string;
  upc: string;
  type: 'physical' | 'digital';
  bin_picking_number: string;
  brand: string;
  base_price: number;
  price_ex_tax: number;
  price_inc_tax: number;
  price_tax: number;
  base_cost_price: number;
  quantity: number;
  quantity_shipped: number;
  /** Absent on rows from generator v1 (no refunds then). */
  quantity_refunded?: number;
  weight: number;
  product_options: OrderProductOption[];
}

export interface OrderRow {
  id: number;
  customer_id: number;
  created_ms: number;
  modified_ms: number;
  shipped_ms: number | null;
  status_id: number;
  subtotal_ex_tax: number;
  subtotal_tax: number;
  shipping_cost_ex_tax: number;
  shipping_cost_tax: number;
  total_ex_tax: number;
  total_tax: number;
  items_total: number;
  items_shipped: number;
  payment_method: string;
  payment_status: string;
  currency_code: string;
  staff_notes: string;
  customer_message: string;
  discount_amount: number;
  ip_address: string;
  is_deleted: boolean;
  billing_address: OrderAddress;
  shipping_addresses: ShippingAddressRow[];
  external_id: string | null;
  channel_id: number;
  cart_id: string;
  refunded_amount: number;
  /** Writable pass-through strings (order_source, customer_locale, external_source...). */
  extra: Record<string, string | null>;
}

export interface ShipmentItem {
  order_product_id: number;
  product_id: number;
  quantity: number;
}

export interface ShipmentRow {
  id: number;
  order_id: number;
  customer_id: number;
  order_address_id: number;
  created_ms: number;
  tracking_number: string;
  merchant_shipping_cost: number;
  shipping_method: string;
  comments: string;
  shipping_provider: string;
  tracking_carrier: string;
  tracking_link: string;
  items: ShipmentItem[];
}

export interface HookRow {
  id: number;
  client_id: string;
  store_hash: string;
  scope: string;
  destination: string;
  headers: Record<string, string> | null;
  is_active: boolean;
  created_at: number;
  updated_at: number;
}
