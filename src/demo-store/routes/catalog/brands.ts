import { ApiError, conflict, unprocessable } from '../../http/errors';
import type { Ctx, Reply, RouteDef } from '../../http/router';
import { readPaging, v3List } from '../../http/pagination';
import type { BrandRow } from '../../state/types';
import { BRAND_RULES } from '../../model/catalog-rules';
import { makeBrand } from '../../model/catalog-misc';
import { isObject, pickWritable, validateFields } from '../../model/validate';
import { sortBy } from './product-filters';
import { shapeFields } from './serialize';
import { touchProduct } from './product-write';

const SPEC = 'catalog/brands_catalog.v3.yml';

function filterBrands(ctx: Ctx): BrandRow[] {
  const q = ctx.query;
  let rows = [...ctx.store.db.brands.all()];
  const id = q.int('id'), ids = q.intList('id:in'), notIn = q.intList('id:not_in');
  if (id !== undefined) rows = rows.filter((b) => b.id === id);
  if (ids) rows = rows.filter((b) => ids.includes(b.id));
  if (notIn) rows = rows.filter((b) => !notIn.includes(b.id));
  const min = q.int('id:min'), max = q.int('id:max'), gt = q.int('id:greater'), lt = q.int('id:less');
  if (min !== undefined) rows = rows.filter((b) => b.id >= min);
  if (max !== undefined) rows = rows.filter((b) => b.id <= max);
  if (gt !== undefined) rows = rows.filter((b) => b.id > gt);
  if (lt !== undefined) rows = rows.filter((b) => b.id < lt);
  const name = q.str('name'), like = q.str('name:like')?.toLowerCase(), title = q.str('page_title');
  if (name !== undefined) rows = rows.filter((b) => b.name === name);
  if (like) rows = rows.filter((b) => b.name.toLowerCase().includes(like));
  if (title !== undefined) rows = rows.filter((b) => b.page_title === title);
  return rows;
}

const render = (ctx: Ctx, b: BrandRow) =>
  shapeFields(b as unknown as Record<string, unknown>, ctx.query.list('include_fields'), ctx.query.list('exclude_fields'));

function requireBrand(ctx: Ctx): BrandRow {
  const b = ctx.store.db.brands.get(Number(ctx.params.brand_id));
  if (!b) throw new ApiError(404, 'The requested brand was not found.');
  return b;
}

function prepare(ctx: Ctx, body: unknown, prev?: BrandRow): Partial<BrandRow> {
  if (!isObject(body)) throw unprocessable({ body: 'A brand object is required.' });
  const errors = validateFields(body, BRAND_RULES, prev ? [] : ['name']);
  if (Object.keys(errors).length) throw unprocessable(errors, 'Brand was not valid.');
  const f = pickWritable<BrandRow>(body, BRAND_RULES);
  if (isObject(body.custom_url)) f.custom_url = { url: String(body.custom_url.url ?? ''), is_customized: Boolean(body.custom_url.is_customized ?? true) };
  const owner = f.name !== undefined ? ctx.store.db.brandNames.get(f.name) : undefined;
  if (owner !== undefined && owner !== prev?.id) throw conflict('Brand was in conflict with another brand.', { name: `Brand name "${f.name}" is a duplicate.` });
  return f;
}

function list(ctx: Ctx): Reply {
  let rows = filterBrands(ctx);
  if (ctx.query.str('sort') === 'name' || ctx.query.str('direction') === 'desc') {
    rows = sortBy(rows, ctx.query.str('sort') === 'name' ? (b) => b.name.toLowerCase() : (b) => b.id, ctx.query.str('direction') === 'desc');
  }
  return { status: 200, body: v3List(ctx.query, readPaging(ctx.query), rows, (b) => render(ctx, b)) };
}

function create(ctx: Ctx): Reply {
  const f = prepare(ctx, ctx.body);
  const row = ctx.tx.put('brands', makeBrand(ctx.tx.newId('brands'), { ...f, name: f.name! }));
  return { status: 200, body: { data: row, meta: {} } };
}

function update(ctx: Ctx): Reply {
  const prev = requireBrand(ctx);
  const row = ctx.tx.put('brands', { ...prev, ...prepare(ctx, ctx.body, prev), id: prev.id });
  return { status: 200, body: { data: row, meta: {} } };
}

/** Products keep existing when their brand goes; their brand_id falls back to 0. */
function deleteBrand(ctx: Ctx, id: number): void {
  for (const p of ctx.store.db.products.all()) if (p.brand_id === id) touchProduct(ctx, p, { brand_id: 0 });
  ctx.tx.del('brands', id);
}

function remove(ctx: Ctx): Reply {
  deleteBrand(ctx, requireBrand(ctx).id);
  return { status: 204 };
}

function removeMany(ctx: Ctx): Reply {
  if (ctx.query.keys().length === 0) throw unprocessable({ filter: 'A filter such as name is required.' }); // [unverified]
  for (const b of filterBrands(ctx)) deleteBrand(ctx, b.id);
  return { status: 204 };
}

const r = (method: RouteDef['method'], path: string, handler: RouteDef['handler']): RouteDef => ({ method, path, area: 'products', spec: SPEC, handler });
export const brandRoutes: RouteDef[] = [
  r('GET', '/v3/catalog/brands', list), r('POST', '/v3/catalog/brands', create), r('DELETE', '/v3/catalog/brands', removeMany),
  r('GET', '/v3/catalog/brands/{brand_id}', (ctx) => ({ status: 200, body: { data: render(ctx, requireBrand(ctx)), meta: {} } })),
  r('PUT', '/v3/catalog/brands/{brand_id}', update), r('DELETE', '/v3/catalog/brands/{brand_id}', remove),
];
