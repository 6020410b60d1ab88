import { BigCommerceError, createWithCheck, type BigCommerceClient, type Clock } from '../bigcommerce';
import type { NewProduct, NewVariant, OptionValueRef } from '../../../shared/contract/authoring';

/**
 * The catalog calls creates and deletes need (products_catalog.v3.yml, product-variants_catalog.v3.yml,
 * product-variant-options_catalog.v3.yml, product-images and custom-fields). Creates go through
 * createWithCheck: a POST whose answer was lost is never re-sent before the SKU is looked up.
 */
export type Raw = Record<string, unknown>;
interface One {
  data?: Raw;
}
interface Many {
  data?: Raw[];
}

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));
/** Money travels as decimal strings in Stockroom; the API takes JSON numbers. */
const money = (v: string | null): number | null => (v === null ? null : Number(v));

export async function findProductBySku(client: BigCommerceClient, sku: string): Promise<Raw | null> {
  const res = await client.request<Many>({ method: 'GET', version: 'v3', path: '/catalog/products', query: { sku, include: 'variants' }, priority: 'interactive' });
  return res.data?.data?.find((p) => typeof p.sku === 'string' && p.sku.toLowerCase() === sku.toLowerCase()) ?? null;
}

export async function findVariantBySku(client: BigCommerceClient, productId: number, sku: string): Promise<Raw | null> {
  const res = await client.request<Many>({ method: 'GET', version: 'v3', path: '/catalog/variants', query: { sku }, priority: 'interactive' });
  return res.data?.data?.find((v) => v.product_id === productId && typeof v.sku === 'string' && v.sku.toLowerCase() === sku.toLowerCase()) ?? null;
}

export function variantBody(v: NewVariant): Raw {
  return { sku: v.sku.trim(), price: money(v.price), inventory_level: v.inventory_level, bin_picking_number: v.bin_picking_number, option_values: v.option_values };
}

/** The POST body of a new product; variants inline (the API creates their options from display name and label). */
export function productBody(p: NewProduct): Raw {
  const tracking = p.variants.length > 0 && p.inventory_tracking === 'product' ? 'variant' : p.inventory_tracking;
  return {
    name: p.name.trim(),
    type: p.type,
    sku: p.sku.trim(),
    price: Number(p.price),
    weight: Number(p.weight),
    categories: p.categories,
    brand_id: p.brand_id,
    is_visible: p.is_visible,
    inventory_tracking: tracking,
    ...(p.variants.length === 0 ? { inventory_level: p.inventory_level } : { variants: p.variants.map(variantBody) }),
  };
}

export async function createProduct(client: BigCommerceClient, body: Raw, clock?: Clock): Promise<Raw> {
  const sku = String(body.sku);
  const result = await createWithCheck({
    post: async () => (await client.request<One>({ method: 'POST', version: 'v3', path: '/catalog/products', query: { include: 'variants' }, body, priority: 'interactive' })).data?.data ?? {},
    findExisting: () => findProductBySku(client, sku),
    ...(clock ? { clock } : {}),
  });
  return result.value;
}

/** Options of a product with their values. */
async function listOptions(client: BigCommerceClient, productId: number): Promise<Raw[]> {
  const res = await client.request<Many>({ method: 'GET', version: 'v3', path: `/catalog/products/${productId}/options`, query: { limit: 250 }, priority: 'interactive' });
  return res.data?.data ?? [];
}

type OptionIds = Map<string, { optionId: number; values: Map<string, number> }>;

/**
 * Makes sure every option and value the variants name exists on the product (a new option such as
 * Size with S/M/L is created with its values), and returns their ids by display name and label.
 */
export async function ensureOptions(client: BigCommerceClient, productId: number, refs: readonly OptionValueRef[]): Promise<OptionIds> {
  const ids: OptionIds = new Map();
  for (const o of await listOptions(client, productId)) {
    const values = new Map<string, number>();
    for (const v of (o.option_values as Raw[] | undefined) ?? []) values.set(String(v.label), num(v.id));
    ids.set(String(o.display_name), { optionId: num(o.id), values });
  }
  const wanted = new Map<string, string[]>();
  for (const ref of refs) wanted.set(ref.option_display_name, [...new Set([...(wanted.get(ref.option_display_name) ?? []), ref.label])]);
  for (const [name, labels] of wanted) {
    const known = ids.get(name);
    if (!known) {
      const body = { display_name: name, type: 'rectangles', option_values: labels.map((label, i) => ({ label, sort_order: i, is_default: false })) };
      const res = await client.request<One>({ method: 'POST', version: 'v3', path: `/catalog/products/${productId}/options`, body, priority: 'interactive' });
      const created = res.data?.data ?? {};
      const values = new Map<string, number>();
      for (const v of (created.option_values as Raw[] | undefined) ?? []) values.set(String(v.label), num(v.id));
      ids.set(name, { optionId: num(created.id), values });
      continue;
    }
    for (const label of labels.filter((l) => !known.values.has(l))) {
      const path = `/catalog/products/${productId}/options/${known.optionId}/values`;
      const res = await client.request<One>({ method: 'POST', version: 'v3', path, body: { label, sort_order: known.values.size, is_default: false }, priority: 'interactive' });
      known.values.set(label, num(res.data?.data?.id));
    }
  }
  return ids;
}

/** `body` is a variant's POST body whose option_values name option display names and labels (see ensureOptions). */
export async function createVariant(client: BigCommerceClient, productId: number, body: Raw, options: OptionIds, clock?: Clock): Promise<Raw> {
  const refs = (body.option_values as OptionValueRef[] | undefined) ?? [];
  const option_values = refs.map((ref) => {
    const option = options.get(ref.option_display_name);
    return { ...ref, option_id: option?.optionId, id: option?.values.get(ref.label) };
  });
  const sku = String(body.sku ?? '');
  const result = await createWithCheck({
    post: async () =>
      (await client.request<One>({ method: 'POST', version: 'v3', path: `/catalog/products/${productId}/variants`, body: { ...body, option_values }, priority: 'interactive' })).data?.data ?? {},
    findExisting: () => findVariantBySku(client, productId, sku),
    ...(clock ? { clock } : {}),
  });
  return result.value;
}

export async function readVariantSnapshot(client: BigCommerceClient, productId: number, variantId: number): Promise<Raw | null> {
  try {
    const res = await client.request<One>({ method: 'GET', version: 'v3', path: `/catalog/products/${productId}/variants/${variantId}`, priority: 'interactive' });
    return res.data?.data ?? null;
  } catch (error) {
    if (error instanceof BigCommerceError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/** Everything about a product an undo needs to recreate it; null when the store no longer has it. */
export async function readProductSnapshot(client: BigCommerceClient, productId: number): Promise<Raw | null> {
  try {
    const query = { include: 'variants,images,custom_fields,options' };
    const res = await client.request<One>({ method: 'GET', version: 'v3', path: `/catalog/products/${productId}`, query, priority: 'interactive' });
    return res.data?.data ?? null;
  } catch (error) {
    if (error instanceof BigCommerceError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

export async function deleteProduct(client: BigCommerceClient, productId: number): Promise<void> {
  await client.request({ method: 'DELETE', version: 'v3', path: `/catalog/products/${productId}`, priority: 'interactive', responseBody: 'ignore' });
}

export async function deleteVariant(client: BigCommerceClient, productId: number, variantId: number): Promise<void> {
  await client.request({ method: 'DELETE', version: 'v3', path: `/catalog/products/${productId}/variants/${variantId}`, priority: 'interactive', responseBody: 'ignore' });
}
