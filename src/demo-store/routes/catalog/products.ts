import { ApiError, tooLarge, unprocessable } from '../../http/errors';
import type { Ctx, Reply, RouteDef } from '../../http/router';
import { readPaging, slicePage, v3Pagination } from '../../http/pagination';
import { isObject } from '../../model/validate';
import { filterAndSortProducts, productPredicates } from './product-filters';
import { readProductView, renderProduct, renderProducts } from './include';
import {
  applyProductUpdate, deleteProduct, newClaims, prepareProductFields, requireProduct,
} from './product-write';
import { createProductWithChildren } from './product-create';
import { storeCdn } from '../../cdn/renditions';

const SPEC = 'catalog/products_catalog.v3.yml';
const BATCH_MAX = 10;
const DELETE_MAX = 250;

function listProducts(ctx: Ctx): Reply {
  const view = readProductView(ctx.query);
  // Spec: with include=options or modifiers, results are limited to 10 per page.
  const maxLimit = view.include.has('options') || view.include.has('modifiers') ? 10 : 250;
  const paging = readPaging(ctx.query, { maxLimit });
  const rows = filterAndSortProducts(ctx.store.db, ctx.query, ctx.now);
  const page = slicePage(rows, paging);
  const meta = { pagination: v3Pagination(ctx.query, paging, rows.length, page.length) };
  return { status: 200, raw: renderProducts(ctx.store.db, storeCdn(ctx.store), page, view, meta) };
}

function getProduct(ctx: Ctx): Reply {
  const p = requireProduct(ctx.store.db, ctx.params.product_id);
  return { status: 200, raw: renderProduct(ctx.store.db, storeCdn(ctx.store), p, readProductView(ctx.query)) };
}

function createProduct(ctx: Ctx): Reply {
  const p = createProductWithChildren(ctx, ctx.body);
  return { status: 200, raw: renderProduct(ctx.store.db, storeCdn(ctx.store), p, { include: new Set(['variants', 'images']) }) };
}

function updateProduct(ctx: Ctx): Reply {
  const prev = requireProduct(ctx.store.db, ctx.params.product_id);
  const fields = prepareProductFields(ctx.store.db, prev.id, ctx.body, newClaims(), { create: false, prev });
  const next = applyProductUpdate(ctx, prev, fields);
  return { status: 200, raw: renderProduct(ctx.store.db, storeCdn(ctx.store), next, readProductView(ctx.query)) };
}

/** Batch update: ≤10 items, each with `id`; validated as a whole before anything is written. */
function batchUpdate(ctx: Ctx): Reply {
  const items = ctx.body;
  if (!Array.isArray(items)) throw unprocessable({ body: 'An array of products is required.' });
  if (items.length > BATCH_MAX) throw tooLarge(BATCH_MAX, true);
  if (items.length === 0) throw unprocessable({ body: 'At least one product is required.' });
  const db = ctx.store.db;
  const claims = newClaims();
  const planned = items.map((item, i) => {
    const id = isObject(item) ? item.id : undefined;
    if (typeof id !== 'number' || !Number.isInteger(id)) throw unprocessable({ [`${i}.id`]: 'id is required.' });
    const prev = db.products.get(id);
    if (!prev) throw new ApiError(404, `Product ${id} was not found.`);
    return { prev, fields: prepareProductFields(db, id, item, claims, { create: false, prefix: `${i}.`, prev }) };
  });
  const view = readProductView(ctx.query);
  const updated = planned.map(({ prev, fields }) => applyProductUpdate(ctx, db.products.get(prev.id) ?? prev, fields));
  return { status: 200, raw: renderProducts(db, storeCdn(ctx.store), updated, view, {}) };
}

function deleteOne(ctx: Ctx): Reply {
  const id = Number(ctx.params.product_id);
  const p = ctx.store.db.products.get(id);
  // [unverified] deleting a missing product: the spec lists only 204, so we answer 204 too.
  if (p) deleteProduct(ctx, p);
  return { status: 204 };
}

/** DELETE by filter: a filter is mandatory and `id:in` is capped at 250 ids. */
function deleteMany(ctx: Ctx): Reply {
  const filterKeys = ctx.query.keys().filter((k) => k !== 'page' && k !== 'limit');
  if (filterKeys.length === 0) throw unprocessable({ filter: 'A filter such as id:in is required to delete products.' }); // [unverified]
  const ids = ctx.query.intList('id:in');
  if (ids && ids.length > DELETE_MAX) throw unprocessable({ 'id:in': `At most ${DELETE_MAX} ids may be deleted per request.` });
  const preds = productPredicates(ctx.store.db, ctx.query, ctx.now);
  const victims = ctx.store.db.products.all().filter((p) => preds.every((f) => f(p))).slice(0, DELETE_MAX);
  for (const p of victims) deleteProduct(ctx, p);
  return { status: 204 };
}

export const productRoutes: RouteDef[] = [
  { method: 'GET', path: '/v3/catalog/products', area: 'products', spec: SPEC, handler: listProducts },
  { method: 'POST', path: '/v3/catalog/products', area: 'products', spec: SPEC, handler: createProduct },
  { method: 'PUT', path: '/v3/catalog/products', area: 'products', spec: SPEC, handler: batchUpdate },
  { method: 'DELETE', path: '/v3/catalog/products', area: 'products', spec: SPEC, handler: deleteMany },
  { method: 'GET', path: '/v3/catalog/products/{product_id}', area: 'products', spec: SPEC, handler: getProduct },
  { method: 'PUT', path: '/v3/catalog/products/{product_id}', area: 'products', spec: SPEC, handler: updateProduct },
  { method: 'DELETE', path: '/v3/catalog/products/{product_id}', area: 'products', spec: SPEC, handler: deleteOne },
];
