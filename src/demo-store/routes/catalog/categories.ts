import { unprocessable } from '../../http/errors';
import type { Ctx, Reply, RouteDef } from '../../http/router';
import { readPaging, v3List } from '../../http/pagination';
import { sortBy } from './product-filters';
import { shapeFields } from './serialize';
import {
  categoryPublic, createCategory, deleteCategory, filterCategories, prepareCategory, requireCategory, updateCategory,
} from './category-model';

const SPEC = 'catalog/categories_catalog.v3.yml';
const SORTS = { name: (c: { name: string }) => c.name.toLowerCase(), id: (c: { id: number }) => c.id, parent_id: (c: { parent_id: number }) => c.parent_id, sort_order: (c: { sort_order: number }) => c.sort_order };

function render(ctx: Ctx, row: Parameters<typeof categoryPublic>[0]) {
  return shapeFields(categoryPublic(row), ctx.query.list('include_fields'), ctx.query.list('exclude_fields'));
}

function list(ctx: Ctx): Reply {
  let rows = filterCategories(ctx, ctx.query, 'id');
  const sort = ctx.query.str('sort') as keyof typeof SORTS | undefined;
  if (sort && SORTS[sort]) rows = sortBy(rows, SORTS[sort] as (c: (typeof rows)[number]) => number | string, ctx.query.str('direction') === 'desc');
  return { status: 200, body: v3List(ctx.query, readPaging(ctx.query), rows, (c) => render(ctx, c)) };
}

function getOne(ctx: Ctx): Reply {
  return { status: 200, body: { data: render(ctx, requireCategory(ctx, ctx.params.category_id)), meta: {} } };
}

function create(ctx: Ctx): Reply {
  const row = createCategory(ctx, prepareCategory(ctx, ctx.body, undefined));
  return { status: 200, body: { data: categoryPublic(row), meta: {} } };
}

function update(ctx: Ctx): Reply {
  const prev = requireCategory(ctx, ctx.params.category_id);
  const row = updateCategory(ctx, prev, prepareCategory(ctx, ctx.body, prev));
  return { status: 200, body: { data: categoryPublic(row), meta: {} } };
}

function remove(ctx: Ctx): Reply {
  const id = Number(ctx.params.category_id);
  if (ctx.store.db.categories.has(id)) deleteCategory(ctx, id);
  return { status: 204 };
}

function removeMany(ctx: Ctx): Reply {
  if (ctx.query.keys().length === 0) throw unprocessable({ filter: 'A filter such as id:in is required.' }); // [unverified]
  for (const c of filterCategories(ctx, ctx.query, 'id')) if (ctx.store.db.categories.has(c.id)) deleteCategory(ctx, c.id);
  return { status: 204 };
}

const r = (method: RouteDef['method'], path: string, handler: RouteDef['handler']): RouteDef => ({ method, path, area: 'products', spec: SPEC, handler });
export const categoryRoutes: RouteDef[] = [
  r('GET', '/v3/catalog/categories', list), r('POST', '/v3/catalog/categories', create), r('DELETE', '/v3/catalog/categories', removeMany),
  r('GET', '/v3/catalog/categories/{category_id}', getOne), r('PUT', '/v3/catalog/categories/{category_id}', update),
  r('DELETE', '/v3/catalog/categories/{category_id}', remove),
];
