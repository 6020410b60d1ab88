import { c, type Case } from './case-types';

const data = (r: { body: unknown }) => (r.body as { data: Record<string, unknown> & Array<Record<string, unknown>> }).data;
const C = '/v3/catalog/categories';
const CID = `${C}/{category_id}`;
const T = '/v3/catalog/trees/categories';
const B = '/v3/catalog/brands';
const BID = `${B}/{brand_id}`;

export const categoryCases: Case[] = [
  c('list categories', 'GET', C, 200, `${C}?limit=10&sort=name`, { save: (r, f) => { f.catId = data(r)[0].id as number; } }),
  c('create category', 'POST', C, 200, C, {
    body: () => ({ name: 'Conformance', parent_id: 0, description: 'Test' }), save: (r, f) => { f.newCat = data(r).id as number; },
  }),
  c('create category, sibling clash', 'POST', C, 409, C, { body: () => ({ name: 'Conformance', parent_id: 0 }) }),
  c('create category, missing name', 'POST', C, 422, C, { body: () => ({ parent_id: 0 }) }),
  c('get category', 'GET', CID, 200, (f) => `${C}/${f.newCat}`),
  c('get missing category', 'GET', CID, 404, `${C}/999999`),
  c('update category', 'PUT', CID, 200, (f) => `${C}/${f.newCat}`, { body: () => ({ description: 'Updated', is_visible: false }) }),
  c('update missing category', 'PUT', CID, 404, `${C}/999999`, { body: () => ({ description: 'x' }) }),
  c('update category, name clash', 'PUT', CID, 409, (f) => `${C}/${f.newCat}`, { body: () => ({ name: 'Women' }) }),
  c('update category, bad parent', 'PUT', CID, 422, (f) => `${C}/${f.newCat}`, { body: () => ({ parent_id: 999999 }) }),
  c('delete category', 'DELETE', CID, 204, (f) => `${C}/${f.newCat}`),
  c('delete categories by filter', 'DELETE', C, 204, `${C}?id:in=999998`),
];

export const treeCases: Case[] = [
  c('list trees', 'GET', '/v3/catalog/trees', 200, '/v3/catalog/trees'),
  c('list tree categories', 'GET', T, 200, `${T}?limit=5&tree_id:in=1`),
  c('get category tree', 'GET', '/v3/catalog/trees/{tree_id}/categories', 200, '/v3/catalog/trees/1/categories'),
  c('get missing tree', 'GET', '/v3/catalog/trees/{tree_id}/categories', 404, '/v3/catalog/trees/99/categories'),
  c('create tree categories', 'POST', T, 201, T, {
    body: () => [{ name: 'Tree Made', parent_id: 0, tree_id: 1 }], save: (r, f) => { f.treeCat = data(r)[0].category_id as number; },
  }),
  c('create tree categories, invalid', 'POST', T, 422, T, { body: () => [{ parent_id: 0, tree_id: 1 }] }),
  c('update tree categories', 'PUT', T, 200, T, { body: (f) => [{ category_id: f.treeCat, description: 'Made via trees' }] }),
  c('update tree categories, invalid', 'PUT', T, 422, T, { body: (f) => [{ category_id: f.treeCat, name: '' }] }),
  c('delete tree categories', 'DELETE', T, 202, (f) => `${T}?category_id:in=${f.treeCat}`),
  c('delete tree categories, no filter', 'DELETE', T, 422, T),
];

export const brandCases: Case[] = [
  c('list brands', 'GET', B, 200, `${B}?limit=5&sort=name`),
  c('create brand', 'POST', B, 200, B, { body: () => ({ name: 'Conformance Goods' }), save: (r, f) => { f.brandId = data(r).id as number; } }),
  c('create brand, duplicate', 'POST', B, 409, B, { body: () => ({ name: 'Conformance Goods' }) }),
  c('create brand, missing name', 'POST', B, 422, B, { body: () => ({ page_title: 'x' }) }),
  c('get brand', 'GET', BID, 200, (f) => `${B}/${f.brandId}`),
  c('get missing brand', 'GET', BID, 404, `${B}/999999`),
  c('update brand', 'PUT', BID, 200, (f) => `${B}/${f.brandId}`, { body: () => ({ page_title: 'Conformance' }) }),
  c('update missing brand', 'PUT', BID, 404, `${B}/999999`, { body: () => ({ page_title: 'x' }) }),
  c('update brand, duplicate name', 'PUT', BID, 409, (f) => `${B}/${f.brandId}`, { body: () => ({ name: 'Tidewater' }) }),
  c('update brand, invalid', 'PUT', BID, 422, (f) => `${B}/${f.brandId}`, { body: () => ({ name: 42 }) }),
  c('delete brand', 'DELETE', BID, 204, (f) => `${B}/${f.brandId}`),
  c('delete missing brand', 'DELETE', BID, 404, `${B}/999999`),
  c('delete brands by filter', 'DELETE', B, 204, `${B}?name=Nobody`),
];
