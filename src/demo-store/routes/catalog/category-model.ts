import { createHash } from 'node:crypto';
import { ApiError, unprocessable } from '../../http/errors';
import type { Ctx } from '../../http/router';
import type { Query } from '../../http/query';
import type { CategoryRow } from '../../state/types';
import { CATEGORY_RULES } from '../../model/catalog-rules';
import { makeCategory } from '../../model/catalog-misc';
import { isObject, pickWritable, validateFields } from '../../model/validate';
import { emitSimple } from '../../model/events';
import { touchProduct } from './product-write';

/** Shared category logic for `/catalog/categories` (deprecated) and `/catalog/trees/categories`. */
export function categoryUuid(storeHash: string, id: number): string {
  const h = createHash('sha1').update(`${storeHash}/category/${id}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function categoryPublic(c: CategoryRow): Record<string, unknown> {
  const { tree_id: _t, ...rest } = c;
  return rest;
}

export function treeCategoryPublic(storeHash: string, c: CategoryRow): Record<string, unknown> {
  const { id, custom_url, ...rest } = c;
  return { category_id: id, category_uuid: categoryUuid(storeHash, id), ...rest, url: { path: custom_url.url, is_customized: custom_url.is_customized } };
}

export function filterCategories(ctx: Ctx, q: Query, idKey: 'id' | 'category_id'): CategoryRow[] {
  let rows = [...ctx.store.db.categories.all()];
  const ids = q.intList(`${idKey}:in`), notIn = q.intList(`${idKey}:not_in`);
  const id = q.int(idKey), parent = q.int('parent_id'), parentIn = q.intList('parent_id:in');
  if (id !== undefined) rows = rows.filter((c) => c.id === id);
  if (ids) rows = rows.filter((c) => ids.includes(c.id));
  if (notIn) rows = rows.filter((c) => !notIn.includes(c.id));
  for (const [k, test] of [['min', (a: number, b: number) => a >= b], ['max', (a: number, b: number) => a <= b], ['greater', (a: number, b: number) => a > b], ['less', (a: number, b: number) => a < b]] as const) {
    const v = q.int(`${idKey}:${k}`);
    if (v !== undefined) rows = rows.filter((c) => test(c.id, v));
  }
  if (parent !== undefined) rows = rows.filter((c) => c.parent_id === parent);
  if (parentIn) rows = rows.filter((c) => parentIn.includes(c.parent_id));
  const name = q.str('name'), like = q.str('name:like')?.toLowerCase(), keyword = q.str('keyword')?.toLowerCase();
  if (name !== undefined) rows = rows.filter((c) => c.name === name);
  if (like) rows = rows.filter((c) => c.name.toLowerCase().includes(like));
  if (keyword) rows = rows.filter((c) => `${c.name} ${c.description} ${c.search_keywords}`.toLowerCase().includes(keyword));
  const pageTitle = q.str('page_title'), titleLike = q.str('page_title:like')?.toLowerCase();
  if (pageTitle !== undefined) rows = rows.filter((c) => c.page_title === pageTitle);
  if (titleLike) rows = rows.filter((c) => c.page_title.toLowerCase().includes(titleLike));
  const visible = q.bool('is_visible');
  if (visible !== undefined) rows = rows.filter((c) => c.is_visible === visible);
  return rows;
}

export function requireCategory(ctx: Ctx, raw: string | number | undefined): CategoryRow {
  const c = ctx.store.db.categories.get(Number(raw));
  if (!c) throw new ApiError(404, 'The requested category was not found.');
  return c;
}

/** Validate a category body; names are unique among siblings (409), parents must exist. */
export function prepareCategory(ctx: Ctx, body: unknown, prev: CategoryRow | undefined, prefix = ''): Partial<CategoryRow> {
  if (!isObject(body)) throw unprocessable({ [`${prefix}body`]: 'A category object is required.' });
  const errors = validateFields(body, CATEGORY_RULES, prev ? [] : ['name', 'parent_id'], prefix);
  if (Object.keys(errors).length) throw unprocessable(errors, 'The Category was not valid.');
  const f = pickWritable<CategoryRow>(body, CATEGORY_RULES);
  if (isObject(body.url)) f.custom_url = { url: String(body.url.path ?? ''), is_customized: Boolean(body.url.is_customized ?? true) };
  else if (isObject(body.custom_url)) f.custom_url = { url: String(body.custom_url.url ?? ''), is_customized: Boolean(body.custom_url.is_customized ?? true) };
  const parentId = f.parent_id ?? prev?.parent_id ?? 0;
  if (parentId !== 0 && !ctx.store.db.categories.has(parentId)) throw unprocessable({ [`${prefix}parent_id`]: `Parent category ${parentId} does not exist.` });
  if (prev && isDescendant(ctx, parentId, prev.id)) throw unprocessable({ [`${prefix}parent_id`]: 'A category cannot be moved under itself.' });
  const name = f.name ?? prev?.name;
  const clash = ctx.store.db.categories.all().some((c) => c.parent_id === parentId && c.name === name && c.id !== prev?.id);
  if (clash) throw new ApiError(409, 'Category was in conflict with another category.', { errors: { [`${prefix}name`]: `A sibling category named "${name}" already exists.` } });
  return f;
}

function isDescendant(ctx: Ctx, candidate: number, ancestor: number): boolean {
  for (let id = candidate; id !== 0;) {
    if (id === ancestor) return true;
    id = ctx.store.db.categories.get(id)?.parent_id ?? 0;
  }
  return false;
}

export function createCategory(ctx: Ctx, f: Partial<CategoryRow>): CategoryRow {
  const row = makeCategory(ctx.tx.newId('categories'), { ...f, name: f.name! });
  ctx.tx.put('categories', row);
  emitSimple(ctx.tx, 'store/category/created', 'category', row.id);
  return row;
}

export function updateCategory(ctx: Ctx, prev: CategoryRow, f: Partial<CategoryRow>): CategoryRow {
  const row = ctx.tx.put('categories', { ...prev, ...f, id: prev.id });
  emitSimple(ctx.tx, 'store/category/updated', 'category', row.id);
  return row;
}

/** Deleting a category deletes its subtree and unassigns products from it. */
export function deleteCategory(ctx: Ctx, id: number): void {
  const db = ctx.store.db;
  const doomed = new Set<number>([id]);
  for (let grew = true; grew;) {
    grew = false;
    for (const c of db.categories.all()) if (!doomed.has(c.id) && doomed.has(c.parent_id)) { doomed.add(c.id); grew = true; }
  }
  for (const p of db.products.all()) {
    if (p.categories.some((c) => doomed.has(c))) touchProduct(ctx, p, { categories: p.categories.filter((c) => !doomed.has(c)) });
  }
  for (const cid of doomed) {
    if (!db.categories.has(cid)) continue;
    ctx.tx.del('categories', cid);
    emitSimple(ctx.tx, 'store/category/deleted', 'category', cid);
  }
}
