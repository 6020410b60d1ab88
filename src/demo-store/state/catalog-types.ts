/** Catalog row shapes: public V3 field names, so rows serialize directly. */
export interface CustomUrl {
  url: string;
  is_customized: boolean;
}

export interface ProductRow {
  id: number;
  name: string;
  type: 'physical' | 'digital';
  sku: string;
  description: string;
  weight: number;
  width: number;
  depth: number;
  height: number;
  price: number;
  cost_price: number;
  retail_price: number;
  sale_price: number;
  map_price: number;
  tax_class_id: number;
  product_tax_code: string;
  categories: number[];
  brand_id: number;
  inventory_level: number;
  inventory_warning_level: number;
  inventory_tracking: 'none' | 'product' | 'variant';
  fixed_cost_shipping_price: number;
  is_free_shipping: boolean;
  is_visible: boolean;
  is_featured: boolean;
  related_products: number[];
  warranty: string;
  bin_picking_number: string;
  layout_file: string;
  upc: string;
  search_keywords: string;
  availability_description: string;
  availability: 'available' | 'disabled' | 'preorder';
  gift_wrapping_options_type: 'any' | 'none' | 'list';
  gift_wrapping_options_list: number[];
  sort_order: number;
  condition: 'New' | 'Used' | 'Refurbished';
  is_condition_shown: boolean;
  order_quantity_minimum: number;
  order_quantity_maximum: number;
  page_title: string;
  meta_keywords: string[];
  meta_description: string;
  view_count: number;
  preorder_release_date: string | null;
  preorder_message: string;
  is_preorder_only: boolean;
  is_price_hidden: boolean;
  price_hidden_label: string;
  custom_url: CustomUrl;
  open_graph_type: string;
  open_graph_title: string;
  open_graph_description: string;
  open_graph_use_meta_description: boolean;
  open_graph_use_product_name: boolean;
  open_graph_use_image: boolean;
  gtin: string;
  mpn: string;
  date_last_imported?: string;
  reviews_rating_sum: number;
  reviews_count: number;
  total_sold: number;
  date_created: string;
  date_modified: string;
  /** Epoch ms of date_modified, kept for fast filtering. */
  modified_ms: number;
  calculated_price: number;
  base_variant_id: number | null;
  option_set_id: number | null;
  option_set_display: string;
}

export interface VariantOptionValue {
  id: number;
  label: string;
  option_id: number;
  option_display_name: string;
}

export interface VariantRow {
  id: number;
  product_id: number;
  sku: string;
  sku_id: number | null;
  price: number | null;
  sale_price: number | null;
  retail_price: number | null;
  map_price: number | null;
  cost_price: number | null;
  weight: number | null;
  width: number | null;
  height: number | null;
  depth: number | null;
  is_free_shipping: boolean;
  fixed_cost_shipping_price: number | null;
  purchasing_disabled: boolean;
  purchasing_disabled_message: string;
  image_url: string;
  upc: string | null;
  mpn: string | null;
  gtin: string | null;
  inventory_level: number | null;
  inventory_warning_level: number | null;
  bin_picking_number: string | null;
  option_values: VariantOptionValue[];
}

export interface OptionValue {
  id: number;
  label: string;
  sort_order: number;
  value_data: Record<string, unknown>;
  is_default: boolean;
}

export interface OptionRow {
  id: number;
  product_id: number;
  name: string;
  display_name: string;
  type: 'radio_buttons' | 'rectangles' | 'dropdown' | 'product_list' | 'product_list_with_images' | 'swatch';
  config: Record<string, unknown>;
  sort_order: number;
  option_values: OptionValue[];
}

export interface ImageRow {
  id: number;
  product_id: number;
  is_thumbnail: boolean;
  sort_order: number;
  description: string;
  image_url: string;
  /** CDN file key; the url_* renditions are derived from it when serialized. */
  file: string;
  /** Added by URL: the downloaded bytes' key in the BlobStore ("<sha256>.<ext>"); seeded images have none. */
  blob?: string;
  date_modified: string;
}

/** A product's custom field (products_catalog.v3.yml customField_Full): a name-value pair shown on the storefront. */
export interface CustomFieldRow {
  id: number;
  product_id: number;
  name: string;
  value: string;
}

export interface CategoryRow {
  id: number;
  parent_id: number;
  name: string;
  description: string;
  views: number;
  sort_order: number;
  page_title: string;
  meta_keywords: string[];
  meta_description: string;
  layout_file: string;
  image_url: string;
  is_visible: boolean;
  search_keywords: string;
  default_product_sort: string;
  custom_url: CustomUrl;
  tree_id: number;
}

export interface BrandRow {
  id: number;
  name: string;
  page_title: string;
  meta_keywords: string[];
  meta_description: string;
  search_keywords: string;
  image_url: string;
  custom_url: CustomUrl;
}

