import type { ProductRow, VariantRow } from '../state/types';
import { isoDate } from '../util/dates';

/**
 * Shared, frozen empty values for defaults. Rows are immutable (updates replace whole arrays),
 * so sharing is safe and saves millions of allocations when seeding 100k products.
 */
export const EMPTY_NUMS = Object.freeze([]) as unknown as number[];
export const EMPTY_STRS = Object.freeze([]) as unknown as string[];
const NO_RELATED = Object.freeze([-1]) as unknown as number[];

/** Defaults BigCommerce fills in for fields a create request leaves out. */
export function newProduct(id: number, fields: Partial<ProductRow>, createdMs: number, modifiedMs = createdMs): ProductRow {
  const name = fields.name ?? `Product ${id}`;
  const row: ProductRow = {
    id, name, type: 'physical', sku: '', description: '', weight: 0, width: 0, depth: 0, height: 0,
    price: 0, cost_price: 0, retail_price: 0, sale_price: 0, map_price: 0, tax_class_id: 0, product_tax_code: '',
    categories: EMPTY_NUMS, brand_id: 0, inventory_level: 0, inventory_warning_level: 0, inventory_tracking: 'none',
    fixed_cost_shipping_price: 0, is_free_shipping: false, is_visible: true, is_featured: false, related_products: NO_RELATED,
    warranty: '', bin_picking_number: '', layout_file: 'product.html', upc: '', search_keywords: '',
    availability_description: '', availability: 'available', gift_wrapping_options_type: 'any',
    gift_wrapping_options_list: EMPTY_NUMS, sort_order: 0, condition: 'New', is_condition_shown: false,
    order_quantity_minimum: 0, order_quantity_maximum: 0, page_title: '', meta_keywords: EMPTY_STRS, meta_description: '',
    view_count: 0, preorder_release_date: null, preorder_message: '', is_preorder_only: false, is_price_hidden: false,
    price_hidden_label: '', custom_url: { url: `/${slugify(name)}/`, is_customized: false },
    open_graph_type: 'product', open_graph_title: '', open_graph_description: '', open_graph_use_meta_description: true,
    open_graph_use_product_name: true, open_graph_use_image: true, gtin: '', mpn: '', reviews_rating_sum: 0,
    reviews_count: 0, total_sold: 0, date_created: isoDate(createdMs), date_modified: isoDate(modifiedMs),
    modified_ms: Math.floor(modifiedMs / 1000) * 1000, calculated_price: 0, base_variant_id: null, option_set_id: null,
    option_set_display: 'right',
  };
  // Assigning onto the literal keeps one object with a stable shape (a spread would copy it).
  Object.assign(row, fields);
  row.calculated_price = calculatedPrice(row.price, row.sale_price);
  return row;
}

/** Sale price wins when set (> 0); tax display settings are not emulated. */
export function calculatedPrice(price: number, salePrice: number | null | undefined): number {
  return salePrice && salePrice > 0 ? salePrice : price;
}

export function newVariant(id: number, productId: number, fields: Partial<VariantRow>): VariantRow {
  const row: VariantRow = {
    id, product_id: productId, sku: '', sku_id: id, price: null, sale_price: null, retail_price: null, map_price: null,
    cost_price: null, weight: null, width: null, height: null, depth: null, is_free_shipping: false,
    fixed_cost_shipping_price: null, purchasing_disabled: false, purchasing_disabled_message: '', image_url: '',
    upc: '', mpn: '', gtin: '', inventory_level: 0, inventory_warning_level: 0, bin_picking_number: '',
    option_values: EMPTY_OV,
  };
  Object.assign(row, fields);
  return row;
}

const EMPTY_OV = Object.freeze([]) as unknown as VariantRow['option_values'];

/** The variant's effective price: its own override, else the product's. */
export function variantCalculatedPrice(v: VariantRow, p: ProductRow): number {
  const price = v.price ?? p.price;
  const sale = v.sale_price ?? (v.price === null ? p.sale_price : 0);
  return calculatedPrice(price, sale);
}

export function slugify(s: string): string {
  return s.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
