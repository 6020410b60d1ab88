import { ApiError, unprocessable } from '../../http/errors';
import type { Ctx, Reply, RouteDef } from '../../http/router';
import type { CustomFieldRow } from '../../state/types';
import { isObject, validateFields, type Rules } from '../../model/validate';
import { emitProduct } from '../../model/events';
import { readPaging, v3List } from '../../http/pagination';
import { requireProduct, touchProduct } from './product-write';
import { customFieldPublic, fieldFilter } from './serialize';

/**
 * Product custom fields (products_catalog.v3.yml, /catalog/products/{product_id}/custom-fields):
 * name and value 1–250 characters, every name-value pair unique within its product, at most 200
 * per product. Also created inline with a product (`custom_fields` in POST /catalog/products) and
 * listed by `include=custom_fields`.
 */
const SPEC = 'catalog/products_catalog.v3.yml';
const MAX_PER_PRODUCT = 200;
const RULES: Rules = { name: { type: 'string', minLength: 1, maxLength: 250 }, value: { type: 'string', minLength: 1, maxLength: 250 } };

export type CustomFieldInput = Pick<CustomFieldRow, 'name' | 'value'>;

/** Checks a custom field's body (both fields required on create), with the store's per-field messages. */
export function prepareCustomField(body: unknown, prefix = '', create = true): Partial<CustomFieldInput> {
  if (!isObject(body)) throw unprocessable({ [`${prefix}body`]: 'A custom field object is required.' });
  const errors = validateFields(body, RULES, create ? ['name', 'value'] : [], prefix);
  if (Object.keys(errors).length) throw unprocessable(errors);
  return { ...(body.name !== undefined && { name: body.name as string }), ...(body.value !== undefined && { value: body.value as string }) };
}

/** The spec's two limits, against the product's other fields (`exceptId`: the one being updated). */
function checkPair(existing: readonly CustomFieldRow[], next: CustomFieldInput, exceptId: number, prefix = ''): void {
  const others = existing.filter((f) => f.id !== exceptId);
  if (others.some((f) => f.name === next.name && f.value === next.value)) {
    throw new ApiError(409, `The custom field '${next.name}: ${next.value}' already exists on this product.`, { errors: { [`${prefix}name`]: 'Every name-value pair must be unique inside a product.' } });
  }
  if (exceptId < 0 && others.length >= MAX_PER_PRODUCT) throw unprocessable({ [`${prefix}custom_fields`]: `A product has at most ${MAX_PER_PRODUCT} custom fields.` });
}

export function createCustomFieldRow(ctx: Ctx, productId: number, input: CustomFieldInput, prefix = ''): CustomFieldRow {
  checkPair(ctx.store.db.customFieldsOf(productId), input, -1, prefix);
  return ctx.tx.put('customFields', { id: ctx.tx.newId('customFields'), product_id: productId, ...input });
}

function requireField(ctx: Ctx, productId: number): CustomFieldRow {
  const field = ctx.store.db.customFields.get(Number(ctx.params.custom_field_id));
  if (!field || field.product_id !== productId) throw new ApiError(404, 'The requested custom field was not found.');
  return field;
}

function productChanged(ctx: Ctx, productId: number): void {
  touchProduct(ctx, ctx.store.db.products.get(productId)!);
  emitProduct(ctx.tx, 'updated', productId);
}

/** include_fields / exclude_fields, which the spec lists for both GETs. */
function shaped(ctx: Ctx): (f: CustomFieldRow) => Record<string, unknown> {
  const allows = fieldFilter(ctx.query.list('include_fields'), ctx.query.list('exclude_fields'));
  return (f) => {
    const full = customFieldPublic(f);
    return allows ? Object.fromEntries(Object.entries(full).filter(([key]) => allows(key))) : full;
  };
}

function list(ctx: Ctx): Reply {
  const p = requireProduct(ctx.store.db, ctx.params.product_id);
  return { status: 200, body: v3List(ctx.query, readPaging(ctx.query), ctx.store.db.customFieldsOf(p.id), shaped(ctx)) };
}

function getOne(ctx: Ctx): Reply {
  const p = requireProduct(ctx.store.db, ctx.params.product_id);
  return { status: 200, body: { data: shaped(ctx)(requireField(ctx, p.id)), meta: {} } };
}

function create(ctx: Ctx): Reply {
  const p = requireProduct(ctx.store.db, ctx.params.product_id);
  const row = createCustomFieldRow(ctx, p.id, prepareCustomField(ctx.body) as CustomFieldInput);
  productChanged(ctx, p.id);
  return { status: 200, body: { data: customFieldPublic(row), meta: {} } };
}

function update(ctx: Ctx): Reply {
  const p = requireProduct(ctx.store.db, ctx.params.product_id);
  const prev = requireField(ctx, p.id);
  const next = { ...prev, ...prepareCustomField(ctx.body, '', false) };
  checkPair(ctx.store.db.customFieldsOf(p.id), next, prev.id);
  const row = ctx.tx.put('customFields', next);
  productChanged(ctx, p.id);
  return { status: 200, body: { data: customFieldPublic(row), meta: {} } };
}

function remove(ctx: Ctx): Reply {
  const p = requireProduct(ctx.store.db, ctx.params.product_id);
  const field = requireField(ctx, p.id);
  ctx.tx.del('customFields', field.id);
  productChanged(ctx, p.id);
  return { status: 204 };
}

const base = '/v3/catalog/products/{product_id}/custom-fields';
export const customFieldRoutes: RouteDef[] = [
  { method: 'GET', path: base, area: 'products', spec: SPEC, forbiddenWithErrors: true, handler: list },
  { method: 'POST', path: base, area: 'products', spec: SPEC, forbiddenWithErrors: true, handler: create },
  { method: 'GET', path: `${base}/{custom_field_id}`, area: 'products', spec: SPEC, forbiddenWithErrors: true, handler: getOne },
  { method: 'PUT', path: `${base}/{custom_field_id}`, area: 'products', spec: SPEC, forbiddenWithErrors: true, handler: update },
  { method: 'DELETE', path: `${base}/{custom_field_id}`, area: 'products', spec: SPEC, forbiddenWithErrors: true, handler: remove },
];
