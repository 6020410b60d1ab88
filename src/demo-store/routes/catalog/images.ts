import { ApiError, unprocessable } from '../../http/errors';
import type { Ctx, Reply, RouteDef } from '../../http/router';
import type { ImageRow } from '../../state/types';
import { isoDate } from '../../util/dates';
import { slugify } from '../../model/product';
import { isObject, validateFields, type Rules } from '../../model/validate';
import { emitProduct } from '../../model/events';
import { imageJson, imagePublic } from './serialize';
import { requireProduct, touchProduct } from './product-write';
import { readPaging, v3List } from '../../http/pagination';
import { storeCdn } from '../../cdn/renditions';
import { fetchImage } from '../../cdn/fetch-image';

const SPEC = 'catalog/products_catalog.v3.yml';
const RULES: Rules = {
  image_url: { type: 'string', maxLength: 255, minLength: 1 }, is_thumbnail: { type: 'boolean' },
  sort_order: { type: 'integer', min: -2147483648, max: 2147483647 }, description: { type: 'string' },
};

export type ImageInput = Partial<Pick<ImageRow, 'image_url' | 'is_thumbnail' | 'sort_order' | 'description'>>;

/** Only `image_url` (JSON) uploads are emulated (no multipart `image_file`). */
export function prepareImage(body: unknown, prefix = '', create = true): ImageInput {
  if (!isObject(body)) throw unprocessable({ [`${prefix}body`]: 'An image object is required.' });
  const errors = validateFields(body, RULES, create ? ['image_url'] : [], prefix);
  if (create && typeof body.image_url === 'string' && !/^https?:\/\//i.test(body.image_url)) {
    errors[`${prefix}image_url`] = 'image_url must be an absolute http(s) URL.';
  }
  if (Object.keys(errors).length) throw unprocessable(errors);
  const out: ImageInput = {};
  for (const k of Object.keys(RULES) as Array<keyof ImageInput>) if (body[k] !== undefined) (out as Record<string, unknown>)[k] = body[k];
  return out;
}

export function createImageRow(ctx: Ctx, productId: number, input: ImageInput, blob?: string): ImageRow {
  const id = ctx.tx.newId('images');
  const name = (input.image_url ?? '').split('/').pop()?.replace(/\.[a-z0-9]+(\?.*)?$/i, '') || 'image';
  const row: ImageRow = {
    id, product_id: productId, is_thumbnail: false, sort_order: 0, description: '', image_url: input.image_url ?? '',
    file: `${productId}/${id}/${slugify(name) || 'image'}__${Math.floor(ctx.now / 1000)}`, date_modified: isoDate(ctx.now),
    ...input, ...(blob ? { blob } : {}),
  };
  if (row.is_thumbnail) clearThumbnail(ctx, productId, id);
  ctx.tx.put('images', row);
  return row;
}

function clearThumbnail(ctx: Ctx, productId: number, exceptId: number): void {
  for (const img of ctx.store.db.imagesOf(productId)) {
    if (img.is_thumbnail && img.id !== exceptId) ctx.tx.put('images', { ...img, is_thumbnail: false });
  }
}

function requireImage(ctx: Ctx, productId: number): ImageRow {
  const img = ctx.store.db.images.get(Number(ctx.params.image_id));
  if (!img || img.product_id !== productId) throw new ApiError(404, 'The requested image was not found.');
  return img;
}

function productChanged(ctx: Ctx, productId: number): void {
  touchProduct(ctx, ctx.store.db.products.get(productId)!);
  emitProduct(ctx.tx, 'updated', productId);
}

function list(ctx: Ctx): Reply {
  const p = requireProduct(ctx.store.db, ctx.params.product_id);
  const images = ctx.store.db.imagesOf(p.id);
  // Spec: "204: There are not any images on this product."
  if (images.length === 0) return { status: 204 };
  return { status: 200, body: v3List(ctx.query, readPaging(ctx.query), images, (i) => imagePublic(i, storeCdn(ctx.store))) };
}

function getOne(ctx: Ctx): Reply {
  const p = requireProduct(ctx.store.db, ctx.params.product_id);
  return { status: 200, json: `{"data":${imageJson(requireImage(ctx, p.id), storeCdn(ctx.store))},"meta":{}}` };
}

/**
 * BigCommerce downloads `image_url` before it answers (400 when it cannot: see fetch-image) and
 * serves its own copy from the CDN; the demo store keeps the bytes in its BlobStore. Everything it
 * writes happens after the download, so a request that ran meanwhile is seen.
 */
async function create(ctx: Ctx): Promise<Reply> {
  requireProduct(ctx.store.db, ctx.params.product_id);
  const input = prepareImage(ctx.body);
  const fetched = await fetchImage(input.image_url!);
  const blob = await ctx.store.blobs.put(fetched.bytes, fetched.ext);
  const p = requireProduct(ctx.store.db, ctx.params.product_id);
  const count = ctx.store.db.imagesOf(p.id).length;
  const row = createImageRow(ctx, p.id, { is_thumbnail: count === 0, sort_order: count, ...input }, blob);
  productChanged(ctx, p.id);
  return { status: 200, json: `{"data":${imageJson(row, storeCdn(ctx.store))},"meta":{}}` };
}

function update(ctx: Ctx): Reply {
  const p = requireProduct(ctx.store.db, ctx.params.product_id);
  const prev = requireImage(ctx, p.id);
  const input = prepareImage(ctx.body, '', false);
  if (input.is_thumbnail) clearThumbnail(ctx, p.id, prev.id);
  const row = ctx.tx.put('images', { ...prev, ...input, date_modified: isoDate(ctx.now) });
  productChanged(ctx, p.id);
  return { status: 200, json: `{"data":${imageJson(row, storeCdn(ctx.store))},"meta":{}}` };
}

function remove(ctx: Ctx): Reply {
  const p = requireProduct(ctx.store.db, ctx.params.product_id);
  const img = ctx.store.db.images.get(Number(ctx.params.image_id));
  if (img && img.product_id === p.id) {
    ctx.tx.del('images', img.id);
    productChanged(ctx, p.id);
  }
  return { status: 204 };
}

const base = '/v3/catalog/products/{product_id}/images';
export const imageRoutes: RouteDef[] = [
  { method: 'GET', path: base, area: 'products', spec: SPEC, handler: list },
  { method: 'POST', path: base, area: 'products', spec: SPEC, handler: create },
  { method: 'GET', path: `${base}/{image_id}`, area: 'products', spec: SPEC, handler: getOne },
  { method: 'PUT', path: `${base}/{image_id}`, area: 'products', spec: SPEC, handler: update },
  { method: 'DELETE', path: `${base}/{image_id}`, area: 'products', spec: SPEC, handler: remove },
];
