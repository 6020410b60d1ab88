import { ApiError, TYPE_URL } from '../../http/errors';
import type { Ctx, Reply, RouteDef } from '../../http/router';
import { readPaging, v3List } from '../../http/pagination';
import type { CategoryRow } from '../../state/types';
import { isObject } from '../../model/validate';
import { shapeFields } from './serialize';
import {
  createCategory, deleteCategory, filterCategories, prepareCategory, requireCategory, treeCategoryPublic, updateCategory,
} from './category-model';

const SPEC = 'catalog/category-trees_catalog.v3.yml';
/** The demo store has a single category tree for its single (default) channel. */
const TREE = { id: 1, name: 'Default', channels: [1] };

function listTrees(ctx: Ctx): Reply {
  const ids = ctx.query.intList('id:in'), channels = ctx.query.intList('channel_id:in');
  const trees = [TREE].filter((t) => (!ids || ids.includes(t.id)) && (!channels || t.channels.some((c) => channels.includes(c))));
  return { status: 200, body: v3List(ctx.query, readPaging(ctx.query), trees) };
}

function listTreeCategories(ctx: Ctx): Reply {
  let rows = filterCategories(ctx, ctx.query, 'category_id');
  const treeIn = ctx.query.intList('tree_id:in'), treeNotIn = ctx.query.intList('tree_id:not_in');
  if (treeIn) rows = rows.filter((c) => treeIn.includes(c.tree_id));
  if (treeNotIn) rows = rows.filter((c) => !treeNotIn.includes(c.tree_id));
  const uuids = ctx.query.list('category_uuid:in');
  const hash = ctx.store.profile.hash;
  const render = (c: CategoryRow) => shapeFields(treeCategoryPublic(hash, c), ctx.query.list('include_fields'), ctx.query.list('exclude_fields'), ['category_id']);
  if (uuids) rows = rows.filter((c) => uuids.includes(treeCategoryPublic(hash, c).category_uuid as string));
  return { status: 200, body: v3List(ctx.query, readPaging(ctx.query), rows, render) };
}

interface TreeNode {
  id: number;
  parent_id: number;
  depth: number;
  path: number[];
  name: string;
  is_visible: boolean;
  children: TreeNode[];
  url: string;
}

function getTree(ctx: Ctx): Reply {
  if (Number(ctx.params.tree_id) !== TREE.id) throw new ApiError(404, 'The tree was not found.', { errors: {} });
  const maxDepth = ctx.query.int('depth');
  const all = ctx.store.db.categories.all();
  const build = (parent: number, depth: number, path: number[]): TreeNode[] =>
    all.filter((c) => c.parent_id === parent).sort((a, b) => a.sort_order - b.sort_order || a.id - b.id).map((c) => ({
      id: c.id, parent_id: c.parent_id, depth, path: [...path, c.id], name: c.name, is_visible: c.is_visible, url: c.custom_url.url,
      children: maxDepth !== undefined && depth >= maxDepth ? [] : build(c.id, depth + 1, [...path, c.id]),
    }));
  return { status: 200, body: { data: build(0, 1, []), meta: {} } };
}

/** Batch write with the tree API's `{errors, meta:{total,success,failed}}` reporting (all-or-nothing here). */
function batchWrite(ctx: Ctx, update: boolean): Reply {
  const items = Array.isArray(ctx.body) ? ctx.body : [];
  const meta = { total: items.length, success: 0, failed: items.length };
  let planned: Array<{ prev?: CategoryRow; fields: Partial<CategoryRow> }>;
  try {
    if (!Array.isArray(ctx.body) || items.length === 0) throw new ApiError(422, 'An array of categories is required.', { errors: { body: 'required' } });
    planned = items.map((item, i) => {
      const prev = update ? requireCategory(ctx, isObject(item) ? (item.category_id as number) : undefined) : undefined;
      if (!update && isObject(item) && item.tree_id !== undefined && item.tree_id !== TREE.id) {
        throw new ApiError(422, 'The tree was not found.', { errors: { [`${i}.tree_id`]: 'Unknown tree_id.' } });
      }
      return { prev, fields: prepareCategory(ctx, item, prev, `${i}.`) };
    });
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    const body = { errors: { status: 422, title: err.title, type: TYPE_URL, errors: err.init.errors ?? {} }, meta };
    throw new ApiError(422, err.title, { body });
  }
  const rows = planned.map(({ prev, fields }) => (prev ? updateCategory(ctx, prev, fields) : createCategory(ctx, fields)));
  const hash = ctx.store.profile.hash;
  const ok = { total: items.length, success: items.length, failed: 0 };
  return update ? { status: 200, body: { meta: ok } } : { status: 201, body: { data: rows.map((c) => treeCategoryPublic(hash, c)), meta: ok } };
}

function deleteTreeCategories(ctx: Ctx): Reply {
  const filters = ['category_id:in', 'category_uuid:in', 'tree_id:in', 'parent_id:in'].filter((k) => ctx.query.has(k));
  if (filters.length === 0) {
    const body = { errors: { status: 422, title: 'A filter is required.', type: TYPE_URL, errors: { filter: 'category_id:in, category_uuid:in, tree_id:in or parent_id:in is required.' } }, meta: { total: 0, success: 0, failed: 0 } };
    throw new ApiError(422, 'A filter is required.', { body });
  }
  const victims = listTreeCategoryIds(ctx);
  for (const id of victims) if (ctx.store.db.categories.has(id)) deleteCategory(ctx, id);
  return { status: 202, body: { meta: { total: victims.length, success: victims.length, failed: 0 } } };
}

function listTreeCategoryIds(ctx: Ctx): number[] {
  const hash = ctx.store.profile.hash;
  const uuids = ctx.query.list('category_uuid:in');
  let rows = filterCategories(ctx, ctx.query, 'category_id');
  if (uuids) rows = rows.filter((c) => uuids.includes(treeCategoryPublic(hash, c).category_uuid as string));
  const treeIn = ctx.query.intList('tree_id:in');
  if (treeIn) rows = rows.filter((c) => treeIn.includes(c.tree_id));
  return rows.map((c) => c.id);
}

const r = (method: RouteDef['method'], path: string, handler: RouteDef['handler']): RouteDef => ({ method, path, area: 'products', spec: SPEC, handler });
export const treeRoutes: RouteDef[] = [
  r('GET', '/v3/catalog/trees', listTrees),
  r('GET', '/v3/catalog/trees/categories', listTreeCategories),
  r('POST', '/v3/catalog/trees/categories', (ctx) => batchWrite(ctx, false)),
  r('PUT', '/v3/catalog/trees/categories', (ctx) => batchWrite(ctx, true)),
  r('DELETE', '/v3/catalog/trees/categories', deleteTreeCategories),
  r('GET', '/v3/catalog/trees/{tree_id}/categories', getTree),
];
