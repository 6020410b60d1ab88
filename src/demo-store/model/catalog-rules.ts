import type { Rules } from './validate';

const MAX_DIM = 9999999999;
const str = (maxLength?: number, minLength?: number) => ({ type: 'string' as const, maxLength, minLength });
const bool = { type: 'boolean' as const };
const money = { type: 'money' as const, min: 0 };
const moneyN = { type: 'money' as const, min: 0, nullable: true };
const dim = { type: 'number' as const, min: 0, max: MAX_DIM };
const dimN = { type: 'number' as const, min: 0, max: MAX_DIM, nullable: true };
const int = (min?: number, max?: number) => ({ type: 'integer' as const, min, max });
const INV_MAX = 2147483647;

/** Writable product fields and their limits, from `product_Base` in products_catalog.v3.yml. */
export const PRODUCT_RULES: Rules = {
  name: str(250, 1), type: { type: 'string', enum: ['physical', 'digital'] }, sku: str(255), description: str(),
  weight: dim, width: dim, depth: dim, height: dim,
  price: money, cost_price: money, retail_price: money, sale_price: money, map_price: money,
  tax_class_id: { type: 'number', min: 0, max: 255 }, product_tax_code: str(255),
  categories: { type: 'array', items: 'integer' }, brand_id: int(0, 1000000000),
  inventory_level: int(0, INV_MAX), inventory_warning_level: int(0, INV_MAX),
  inventory_tracking: { type: 'string', enum: ['none', 'product', 'variant'] },
  fixed_cost_shipping_price: money, is_free_shipping: bool, is_visible: bool, is_featured: bool,
  related_products: { type: 'array', items: 'integer' }, warranty: str(65535), bin_picking_number: str(255),
  layout_file: str(500), upc: str(14), search_keywords: str(65535), availability_description: str(255),
  availability: { type: 'string', enum: ['available', 'disabled', 'preorder'] },
  gift_wrapping_options_type: { type: 'string', enum: ['any', 'none', 'list'] },
  gift_wrapping_options_list: { type: 'array', items: 'integer' }, sort_order: int(-2147483648, 2147483647),
  condition: { type: 'string', enum: ['New', 'Used', 'Refurbished'] }, is_condition_shown: bool,
  order_quantity_minimum: int(0, 1000000000), order_quantity_maximum: int(0, 1000000000), page_title: str(255),
  meta_keywords: { type: 'array', items: 'string' }, meta_description: str(65535), view_count: int(0, 1000000000),
  preorder_release_date: { type: 'string', nullable: true }, preorder_message: str(255), is_preorder_only: bool,
  is_price_hidden: bool, price_hidden_label: str(200), custom_url: { type: 'object' },
  open_graph_type: { type: 'string', enum: ['product', 'album', 'book', 'drink', 'food', 'game', 'movie', 'song', 'tv_show'] },
  open_graph_title: str(), open_graph_description: str(), open_graph_use_meta_description: bool,
  open_graph_use_product_name: bool, open_graph_use_image: bool, gtin: str(14), mpn: str(),
  reviews_rating_sum: int(0), reviews_count: int(0), total_sold: int(0),
};

export const PRODUCT_MONEY = ['price', 'cost_price', 'retail_price', 'sale_price', 'map_price', 'fixed_cost_shipping_price'];
export const PRODUCT_REQUIRED = ['name', 'type', 'weight', 'price'];

/** Writable variant fields (`productVariant_Base`). */
export const VARIANT_RULES: Rules = {
  cost_price: moneyN, price: moneyN, sale_price: moneyN, retail_price: moneyN, map_price: moneyN,
  weight: dimN, width: dimN, height: dimN, depth: dimN, is_free_shipping: bool, fixed_cost_shipping_price: moneyN,
  purchasing_disabled: bool, purchasing_disabled_message: str(255), upc: { type: 'string', maxLength: 14, nullable: true },
  inventory_level: { type: 'integer', min: 0, max: INV_MAX, nullable: true },
  inventory_warning_level: { type: 'integer', min: 0, max: INV_MAX, nullable: true },
  bin_picking_number: { type: 'string', maxLength: 255, nullable: true }, image_url: str(),
  gtin: { type: 'string', maxLength: 14, nullable: true }, mpn: { type: 'string', nullable: true },
  sku: str(255, 1),
};

export const VARIANT_MONEY = ['cost_price', 'price', 'sale_price', 'retail_price', 'map_price', 'fixed_cost_shipping_price'];

export const CATEGORY_RULES: Rules = {
  parent_id: int(0), name: str(50, 1), description: str(), views: int(0), sort_order: int(-2147483648, 2147483647),
  page_title: str(255), meta_keywords: { type: 'array', items: 'string' }, meta_description: str(65535),
  layout_file: str(500), image_url: str(), is_visible: bool, search_keywords: str(),
  default_product_sort: { type: 'string', enum: ['use_store_settings', 'featured', 'newest', 'best_selling', 'alpha_asc', 'alpha_desc', 'avg_customer_review', 'price_asc', 'price_desc'] },
  custom_url: { type: 'object' },
};

export const BRAND_RULES: Rules = {
  name: str(255, 1), page_title: str(255), meta_keywords: { type: 'array', items: 'string' }, meta_description: str(),
  search_keywords: str(), image_url: str(), custom_url: { type: 'object' },
};

export const OPTION_RULES: Rules = {
  display_name: str(255, 1),
  type: { type: 'string', enum: ['radio_buttons', 'rectangles', 'dropdown', 'product_list', 'product_list_with_images', 'swatch'] },
  config: { type: 'object' }, sort_order: int(), option_values: { type: 'array', items: 'object' },
};

export const OPTION_VALUE_RULES: Rules = {
  label: str(255, 1), sort_order: int(-2147483648, 2147483647), value_data: { type: 'object', nullable: true }, is_default: bool,
};
