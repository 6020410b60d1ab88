import { ApiError, tooLarge, TYPE_URL, unprocessable } from '../../http/errors';
import type { Ctx, Reply, RouteDef } from '../../http/router';
import { readPaging, slicePage, v3Pagination } from '../../http/pagination';
import type { VariantRow } from '../../state/types';
import { isObject } from '../../model/validate';
import { fieldFilter, freshVariantsJson, variantBuf, variantShaper } from './serialize';
import { envelope } from './include';
import { newClaims, requireProduct, type Claims } from './product-write';
import {
  applyVariantUpdate, createVariant, deleteVariantRow, prepareVariantFields, refreshProducts, requireVariant, resolveOptionValues,
} from './variant-write';

const SPEC = 'catalog/product-variants_catalog.v3.yml';
const BATCH_MAX = 50;

/** The request's variant serializer (include_fields/exclude_fields read once, not per row). */
function renderer(ctx: Ctx): (v: VariantRow) => Buffer {
  const db = ctx.store.db;
  const allows = fieldFilter(ctx.query.list('include_fields'), ctx.query.list('exclude_fields'));
  if (!allows) return (v) => variantBuf(v, db.products.get(v.product_id));
  const shape = variantShaper(allows);
  return (v) => shape(v, db.products.get(v.product_id));
}

const one = (ctx: Ctx, v: VariantRow): Reply => ({ status: 200, raw: envelope([renderer(ctx)(v)], {}, true) });
const many = (ctx: Ctx, rows: readonly VariantRow[], meta: unknown): Reply => {
  const render = renderer(ctx);
  return { status: 200, raw: envelope(rows.map((v) => [render(v)]), meta) };
};

function page(ctx: Ctx, rows: readonly VariantRow[]): Reply {
  const paging = readPaging(ctx.query);
  const items = slicePage(rows, paging);
  return many(ctx, items, { pagination: v3Pagination(ctx.query, paging, rows.length, items.length) });
}

function listAll(ctx: Ctx): Reply {
  const db = ctx.store.db, q = ctx.query;
  const productIds = q.intList('product_id:in');
  const ids = q.intList('id:in');
  const skuIn = q.list('sku:in')?.map((s) => s.toLowerCase());
  const sku = q.str('sku')?.toLowerCase();
  let rows: readonly VariantRow[];
  // SKU lookups go through the index, so huge lazily seeded stores are not fully generated.
  const bySku = sku !== undefined ? [sku] : skuIn;
  if (bySku && !productIds && !ids) {
    const found = new Set(bySku.flatMap((s) => db.skuOwners(s)).filter((o) => o.kind === 'variant').map((o) => o.id));
    rows = [...found].sort((a, b) => a - b).map((vid) => db.variants.get(vid)!).filter(Boolean);
  } else if (productIds) rows = [...new Set(productIds)].sort((a, b) => a - b).flatMap((pid) => db.variantsOf(pid));
  else if (ids) rows = [...new Set(ids)].sort((a, b) => a - b).map((id) => db.variants.get(id)).filter((v): v is VariantRow => !!v);
  else rows = db.variants.all();
  const id = q.int('id');
  const upc = q.str('upc');
  if (id !== undefined) rows = rows.filter((v) => v.id === id);
  if (ids && productIds) rows = rows.filter((v) => ids.includes(v.id));
  if (sku !== undefined) rows = rows.filter((v) => v.sku.toLowerCase() === sku);
  if (skuIn) rows = rows.filter((v) => skuIn.includes(v.sku.toLowerCase()));
  if (upc !== undefined) rows = rows.filter((v) => v.upc === upc);
  return page(ctx, rows);
}

function listForProduct(ctx: Ctx): Reply {
  const p = requireProduct(ctx.store.db, ctx.params.product_id);
  return page(ctx, ctx.store.db.variantsOf(p.id));
}

function getOne(ctx: Ctx): Reply {
  const p = requireProduct(ctx.store.db, ctx.params.product_id);
  return one(ctx, requireVariant(ctx.store.db, p, ctx.params.variant_id));
}

function create(ctx: Ctx): Reply {
  const db = ctx.store.db;
  const p = requireProduct(db, ctx.params.product_id);
  if (!isObject(ctx.body)) throw unprocessable({ body: 'A variant object is required.' });
  const fields = prepareVariantFields(db, p.id, undefined, ctx.body, newClaims(), '', true);
  const values = resolveOptionValues(db, p, ctx.body.option_values);
  const v = createVariant(ctx, p, fields, values);
  refreshProducts(ctx, [p.id]);
  return one(ctx, db.variants.get(v.id)!);
}

function update(ctx: Ctx): Reply {
  const db = ctx.store.db;
  const p = requireProduct(db, ctx.params.product_id);
  const prev = requireVariant(db, p, ctx.params.variant_id);
  if (!isObject(ctx.body)) throw unprocessable({ body: 'A variant object is required.' });
  const next = applyVariantUpdate(ctx, prev, prepareVariantFields(db, p.id, prev.id, ctx.body, newClaims()));
  refreshProducts(ctx, [p.id]);
  return one(ctx, db.variants.get(next.id)!);
}

function remove(ctx: Ctx): Reply {
  const db = ctx.store.db;
  const p = requireProduct(db, ctx.params.product_id);
  const v = db.variants.get(Number(ctx.params.variant_id));
  if (v && v.product_id === p.id) {
    deleteVariantRow(ctx, v);
    refreshProducts(ctx, [p.id]);
  }
  return { status: 204 };
}

type Plan = { kind: 'update'; prev: VariantRow; fields: Partial<VariantRow> }
  | { kind: 'create'; productId: number; fields: Partial<VariantRow>; values: VariantRow['option_values'] };

function planItem(ctx: Ctx, item: unknown, i: number, claims: Claims): Plan {
  const db = ctx.store.db;
  if (!isObject(item)) throw unprocessable({ [`${i}`]: 'Each variant must be an object.' });
  if (item.id !== undefined) {
    const prev = typeof item.id === 'number' ? db.variants.get(item.id) : undefined;
    if (!prev) throw unprocessable({ [`${i}.id`]: `Variant ${String(item.id)} was not found.` }, 'Variant not found');
    return { kind: 'update', prev, fields: prepareVariantFields(db, prev.product_id, prev.id, item, claims, `${i}.`) };
  }
  // Spec: an item without id but with product_id, sku and option_values creates a variant.
  const p = typeof item.product_id === 'number' ? db.products.get(item.product_id) : undefined;
  if (!p) throw unprocessable({ [`${i}.product_id`]: 'id, or product_id with sku and option_values, is required.' });
  const fields = prepareVariantFields(db, p.id, undefined, item, claims, `${i}.`, true);
  return { kind: 'create', productId: p.id, fields, values: resolveOptionValues(db, p, item.option_values, `${i}.`) };
}

/** Batch upsert of ≤50 variants; all items are validated first, errors reported as `batch_errors`. */
function batch(ctx: Ctx): Reply {
  const items = ctx.body;
  if (!Array.isArray(items)) throw unprocessable({ body: 'An array of variants is required.' });
  if (items.length > BATCH_MAX) throw tooLarge(BATCH_MAX, false);
  const claims = newClaims();
  const plans: Plan[] = [];
  const batchErrors: unknown[] = [];
  items.forEach((item, i) => {
    try {
      plans.push(planItem(ctx, item, i, claims));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      batchErrors.push({ status: 422, title: err.title, type: TYPE_URL, instance: `/catalog/variants/${i}`, errors: err.init.errors ?? {} });
    }
  });
  if (batchErrors.length) throw new ApiError(422, 'Batch failed', { body: { batch_errors: batchErrors } });
  const touched: number[] = [];
  const results = plans.map((plan) => {
    if (plan.kind === 'update') {
      touched.push(plan.prev.product_id);
      return applyVariantUpdate(ctx, ctx.store.db.variants.get(plan.prev.id) ?? plan.prev, plan.fields);
    }
    touched.push(plan.productId);
    return createVariant(ctx, ctx.store.db.products.get(plan.productId)!, plan.fields, plan.values);
  });
  refreshProducts(ctx, touched);
  const written = results.map((v) => ctx.store.db.variants.get(v.id) ?? v);
  if (ctx.query.list('include_fields')?.length || ctx.query.list('exclude_fields')?.length) return many(ctx, written, {});
  const db = ctx.store.db;
  return { status: 200, raw: Buffer.from(`{"data":${freshVariantsJson(written, (id) => db.products.get(id))},"meta":{}}`) };
}

const per = '/v3/catalog/products/{product_id}/variants';
export const variantRoutes: RouteDef[] = [
  { method: 'GET', path: '/v3/catalog/variants', area: 'products', spec: SPEC, handler: listAll },
  { method: 'PUT', path: '/v3/catalog/variants', area: 'products', spec: SPEC, handler: batch },
  { method: 'GET', path: per, area: 'products', spec: SPEC, handler: listForProduct },
  { method: 'POST', path: per, area: 'products', spec: SPEC, handler: create },
  { method: 'GET', path: `${per}/{variant_id}`, area: 'products', spec: SPEC, handler: getOne },
  { method: 'PUT', path: `${per}/{variant_id}`, area: 'products', spec: SPEC, handler: update },
  { method: 'DELETE', path: `${per}/{variant_id}`, area: 'products', spec: SPEC, handler: remove },
];
