import { MAX_LISTED_ISSUES } from '../../src/main/rpc/dispatch';

/** One row of the contract table: the same body through the dispatcher, the IPC host and the HTTP host. */
export interface Case {
  name: string;
  body: unknown;
  expect: { ok: true } | { ok: false; code: string; field?: string; message?: RegExp; listed?: number; more?: number };
}

const edit = { entity: 'product', id: 1, field: 'price', from: '1.00', to: '2.00' };
const withEdit = (id: number, method: string, change: Record<string, unknown>) => ({
  id,
  method,
  params: { storeId: 'demo-1', ...(method === 'jobs.start' ? { title: 't' } : {}), edits: [{ ...edit, ...change }] },
});
const nested = (depth: number): unknown => (depth === 0 ? 1 : [nested(depth - 1)]);
const hostile = { toString: 1, valueOf: 1 };
const unknownMethod = { ok: false, code: 'UNKNOWN_METHOD' } as const;

/**
 * Issue 9: values that cannot become a string, prototype keys, nesting and width past the limits,
 * lists long enough to flood a validation error. Keys like __proto__ must be own keys, as JSON.parse
 * and structured clone make them, so those bodies are built with JSON.parse.
 */
export const hostileCases: Case[] = [
  { name: 'a method that is an object with toString', body: { id: 40, method: { toString: 1 }, params: {} }, expect: unknownMethod },
  { name: 'a method that is an object with valueOf and toString', body: { id: 41, method: hostile, params: {} }, expect: unknownMethod },
  { name: 'a method that is an array of a method', body: { id: 42, method: ['stores.list'], params: {} }, expect: unknownMethod },
  { name: 'a method named toString', body: { id: 43, method: 'toString', params: {} }, expect: unknownMethod },
  { name: 'a method named constructor', body: { id: 44, method: 'constructor', params: {} }, expect: unknownMethod },
  { name: 'a method of 1 MB', body: { id: 45, method: 'x'.repeat(1 << 20), params: {} }, expect: unknownMethod },
  { name: 'an envelope whose own __proto__ holds the method', body: JSON.parse('{"id":46,"__proto__":{"method":"stores.list","params":{}}}'), expect: unknownMethod },
  { name: 'an id that is an object', body: { id: hostile, method: 'stores.list', params: {} }, expect: { ok: true } },
  {
    name: 'params with an own __proto__ key',
    body: JSON.parse('{"id":47,"method":"stores.list","params":{"__proto__":{"polluted":1}}}'),
    expect: { ok: false, code: 'VALIDATION' },
  },
  { name: 'params with a constructor key', body: { id: 48, method: 'stores.list', params: { constructor: { prototype: { polluted: 1 } } } }, expect: { ok: false, code: 'VALIDATION' } },
  { name: 'params that are a string', body: { id: 49, method: 'stores.list', params: 'all' }, expect: { ok: false, code: 'VALIDATION', field: '(params)' } },
  { name: 'a store id with toString', body: { id: 50, method: 'staging.list', params: { storeId: hostile } }, expect: { ok: false, code: 'VALIDATION', field: 'storeId' } },
  { name: 'a store id of 1 MB', body: { id: 51, method: 'staging.list', params: { storeId: 'a'.repeat(1 << 20) } }, expect: { ok: false, code: 'VALIDATION', field: 'storeId' } },
  { name: 'jobs.start: a title with toString', body: { id: 52, method: 'jobs.start', params: { storeId: 'demo-1', title: hostile, edits: [edit] } }, expect: { ok: false, code: 'VALIDATION', field: 'title' } },
  { name: 'jobs.start: an edit field with toString', body: withEdit(53, 'jobs.start', { field: { toString: 1 } }), expect: { ok: false, code: 'VALIDATION', field: 'edits.0.field' } },
  { name: 'staging.stage: an edit field with toString', body: withEdit(54, 'staging.stage', { field: { toString: 1 } }), expect: { ok: false, code: 'VALIDATION', field: 'edits.0.field' } },
  { name: 'staging.stage: an edit entity with valueOf', body: withEdit(55, 'staging.stage', { entity: hostile }), expect: { ok: false, code: 'VALIDATION', field: 'edits.0.entity' } },
  { name: 'staging.stage: an edit value with toString', body: withEdit(56, 'staging.stage', { to: hostile }), expect: { ok: false, code: 'VALIDATION', field: 'edits.0.to' } },
  {
    name: 'staging.stage: an edit field that is an own __proto__ object',
    body: JSON.parse('{"id":57,"method":"staging.stage","params":{"storeId":"demo-1","edits":[{"entity":"product","id":1,"field":{"__proto__":{"polluted":1}},"from":"1","to":"2"}]}}'),
    expect: { ok: false, code: 'VALIDATION', field: 'edits.0.field' },
  },
  { name: 'catalog.listProducts: a NaN limit', body: { id: 58, method: 'catalog.listProducts', params: { storeId: 'demo-1', limit: NaN } }, expect: { ok: false, code: 'VALIDATION', field: 'limit' } },
  { name: 'catalog.listProducts: an Infinity id', body: { id: 59, method: 'catalog.listProducts', params: { storeId: 'demo-1', ids: [Infinity] } }, expect: { ok: false, code: 'VALIDATION', field: 'ids.0' } },
  { name: 'jobs.list: an unknown store', body: { id: 60, method: 'jobs.list', params: { storeId: 'nope' } }, expect: { ok: false, code: 'NOT_FOUND' } },
  { name: 'jobs.list: a known store', body: { id: 61, method: 'jobs.list', params: { storeId: 'demo-1' } }, expect: { ok: true } },
  { name: 'params nested 50 deep', body: { id: 62, method: 'stores.list', params: { x: nested(50) } }, expect: { ok: false, code: 'BAD_REQUEST', message: /nests deeper than 8 levels/ } },
  { name: 'an edit value one level too deep', body: withEdit(63, 'staging.stage', { to: nested(5) }), expect: { ok: false, code: 'BAD_REQUEST', message: /nests deeper/ } },
  {
    name: 'an object of 1,001 members',
    body: { id: 64, method: 'stores.list', params: Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`k${i}`, i])) },
    expect: { ok: false, code: 'BAD_REQUEST', message: /more than 1,000 members/ },
  },
  { name: '500 unknown params', body: { id: 65, method: 'stores.list', params: Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`junk${i}`, i])) }, expect: { ok: false, code: 'VALIDATION', listed: 1 } },
  {
    name: '100,000 empty edits: 20 issues listed, the rest counted',
    body: { id: 66, method: 'staging.stage', params: { storeId: 'demo-1', edits: Array.from({ length: 100_000 }, () => ({})) } },
    expect: { ok: false, code: 'VALIDATION', field: 'edits.0.entity', listed: MAX_LISTED_ISSUES, more: 200_000 - MAX_LISTED_ISSUES },
  },
  {
    name: '30,000 keys that are not keys: 20 listed, the rest counted',
    body: { id: 67, method: 'staging.discard', params: { storeId: 'demo-1', keys: Array.from({ length: 30_000 }, () => 7) } },
    expect: { ok: false, code: 'VALIDATION', field: 'keys.0', listed: MAX_LISTED_ISSUES, more: 30_000 - MAX_LISTED_ISSUES },
  },
  { name: '100,001 edits', body: { id: 68, method: 'jobs.start', params: { storeId: 'demo-1', title: 't', edits: Array.from({ length: 100_001 }, () => 0) } }, expect: { ok: false, code: 'VALIDATION', field: 'edits', listed: 1 } },
];
