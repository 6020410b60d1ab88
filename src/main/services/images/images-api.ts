import { createWithCheck, type BigCommerceClient } from '../bigcommerce';
import type { ProductImage } from '../../../shared/contract';

/** The product image calls of products_catalog.v3.yml (`/catalog/products/{id}/images`). */
type Raw = Record<string, unknown>;
const path = (productId: number, imageId?: number) => `/catalog/products/${productId}/images${imageId === undefined ? '' : `/${imageId}`}`;

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

export function toImage(raw: Raw): ProductImage {
  return {
    id: Number(raw.id), is_thumbnail: raw.is_thumbnail === true, sort_order: Number(raw.sort_order ?? 0),
    description: text(raw.description), image_url: text(raw.image_url), url_zoom: text(raw.url_zoom),
    url_standard: text(raw.url_standard), url_thumbnail: text(raw.url_thumbnail), url_tiny: text(raw.url_tiny),
  };
}

/** The thumbnail first, then by sort order, then by id (what the panel and the storefront show first). */
export function ordered(images: ProductImage[]): ProductImage[] {
  return images.sort((a, b) => Number(b.is_thumbnail) - Number(a.is_thumbnail) || a.sort_order - b.sort_order || a.id - b.id);
}

/** Every image of a product (204 = none; a product has up to 1,000, so a few pages at most). */
export async function listImages(client: BigCommerceClient, productId: number): Promise<ProductImage[]> {
  const out: ProductImage[] = [];
  for (let page = 1; ; page++) {
    const res = await client.request<{ data?: Raw[]; meta?: { pagination?: { total_pages?: number } } } | null>({
      method: 'GET', version: 'v3', path: path(productId), query: { limit: 250, page }, priority: 'interactive',
    });
    out.push(...(res.data?.data ?? []).map(toImage));
    if (page >= (res.data?.meta?.pagination?.total_pages ?? 1)) return ordered(out);
  }
}

export interface NewImage {
  image_url: string;
  description?: string;
  is_thumbnail?: boolean;
  sort_order?: number;
}

/**
 * POST one image by URL. Never blindly re-sent: after an answer that was lost, an image with that
 * URL that was not there before is taken as the one this call created.
 */
export async function addImage(client: BigCommerceClient, productId: number, body: NewImage, before: readonly ProductImage[]): Promise<ProductImage> {
  const known = new Set(before.map((i) => i.id));
  const { value } = await createWithCheck({
    post: async () => toImage((await client.request<{ data?: Raw }>({ method: 'POST', version: 'v3', path: path(productId), body: { ...body }, priority: 'interactive' })).data?.data ?? {}),
    findExisting: async () => (await listImages(client, productId)).find((i) => !known.has(i.id) && i.image_url === body.image_url) ?? null,
  });
  return value;
}

export async function updateImage(client: BigCommerceClient, productId: number, imageId: number, body: Partial<NewImage>): Promise<void> {
  await client.request({ method: 'PUT', version: 'v3', path: path(productId, imageId), body, priority: 'interactive' });
}

export async function deleteImage(client: BigCommerceClient, productId: number, imageId: number): Promise<void> {
  await client.request({ method: 'DELETE', version: 'v3', path: path(productId, imageId), priority: 'interactive' });
}
