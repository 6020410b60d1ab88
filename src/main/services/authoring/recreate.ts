import type { Raw } from './catalog-api';

/**
 * Undoing a delete recreates the product from the snapshot read just before it was deleted, with
 * what POST /v3/catalog/products accepts inline: its own fields, variants (their options come back
 * from display name and label), custom fields, and images by URL. What the API cannot bring back is
 * listed in NOT_RESTORED, for the UI and README to say plainly.
 */
const PRODUCT_FIELDS = [
  'name', 'type', 'sku', 'description', 'weight', 'width', 'depth', 'height', 'price', 'cost_price', 'retail_price', 'sale_price',
  'map_price', 'tax_class_id', 'product_tax_code', 'categories', 'brand_id', 'inventory_level', 'inventory_warning_level',
  'inventory_tracking', 'fixed_cost_shipping_price', 'is_free_shipping', 'is_visible', 'is_featured', 'related_products',
  'warranty', 'bin_picking_number', 'layout_file', 'upc', 'mpn', 'gtin', 'search_keywords', 'availability',
  'availability_description', 'gift_wrapping_options_type', 'sort_order', 'condition', 'is_condition_shown',
  'order_quantity_minimum', 'order_quantity_maximum', 'page_title', 'meta_keywords', 'meta_description', 'preorder_release_date',
  'preorder_message', 'is_preorder_only', 'is_price_hidden', 'price_hidden_label', 'custom_url', 'open_graph_type',
  'open_graph_title', 'open_graph_description', 'open_graph_use_meta_description', 'open_graph_use_product_name',
  'open_graph_use_image',
] as const;

const VARIANT_FIELDS = [
  'sku', 'price', 'cost_price', 'sale_price', 'retail_price', 'map_price', 'weight', 'width', 'height', 'depth',
  'is_free_shipping', 'fixed_cost_shipping_price', 'purchasing_disabled', 'purchasing_disabled_message', 'upc', 'mpn', 'gtin',
  'inventory_level', 'inventory_warning_level', 'bin_picking_number',
] as const;

export const NOT_RESTORED = [
  'New ids: the product, its variants, options and images come back under new ids, so links and bookmarks to the old ids break.',
  'Reviews, and the links from past orders to the product (orders keep their lines, but those no longer point at it).',
  'Modifiers, bulk pricing rules, videos, metafields and channel or category-tree assignments beyond its categories.',
];

function pick(from: Raw, fields: readonly string[]): Raw {
  const out: Raw = {};
  for (const f of fields) if (from[f] !== undefined && from[f] !== null) out[f] = from[f];
  return out;
}

const list = (v: unknown): Raw[] => (Array.isArray(v) ? (v as Raw[]) : []);

/** A variant with options (not the base variant of a product without any). */
const hasOptions = (v: Raw): boolean => list(v.option_values).length > 0;

function variantBody(v: Raw): Raw {
  const option_values = list(v.option_values).map((o) => ({ option_display_name: o.option_display_name, label: o.label }));
  return { ...pick(v, VARIANT_FIELDS), option_values };
}

/** The POST body that brings a deleted product back, from its snapshot. */
export function recreateBody(snapshot: Raw): Raw {
  const body = pick(snapshot, PRODUCT_FIELDS);
  const variants = list(snapshot.variants).filter(hasOptions);
  if (variants.length > 0) {
    body.variants = variants.map(variantBody);
    // Stock lives on the variants then; the API refuses a product level with variant tracking.
    if (body.inventory_tracking === 'variant') delete body.inventory_level;
  }
  const customFields = list(snapshot.custom_fields).map((f) => ({ name: f.name, value: f.value }));
  if (customFields.length > 0) body.custom_fields = customFields;
  const images = list(snapshot.images)
    .filter((img) => typeof img.url_zoom === 'string' || typeof img.image_url === 'string')
    .map((img) => ({
      image_url: img.image_url ?? img.url_zoom,
      is_thumbnail: img.is_thumbnail === true,
      sort_order: img.sort_order,
      description: img.description ?? '',
    }));
  if (images.length > 0) body.images = images;
  return body;
}

/** A deleted variant comes back with the same option values (the options themselves are still there). */
export function recreateVariantBody(snapshot: Raw): Raw {
  return variantBody(snapshot);
}
