import { ApiError, conflict, unprocessable } from '../../http/errors';
import type { Ctx, Reply, RouteDef } from '../../http/router';
import { readPaging, v3List } from '../../http/pagination';
import type { OptionRow, OptionValue, ProductRow } from '../../state/types';
import { OPTION_RULES, OPTION_VALUE_RULES } from '../../model/catalog-rules';
import { isObject, pickWritable, validateFields } from '../../model/validate';
import { emitProduct } from '../../model/events';
import { requireProduct, touchProduct } from './product-write';
import { deleteVariantRow, refreshProducts } from './variant-write';
import { shapeFields } from './serialize';

const SPEC = 'catalog/product-variant-options_catalog.v3.yml';

function requireOption(ctx: Ctx, p: ProductRow): OptionRow {
  const o = ctx.store.db.options.get(Number(ctx.params.option_id));
  if (!o || o.product_id !== p.id) throw new ApiError(404, 'The requested option was not found.');
  return o;
}

function requireValue(o: OptionRow, raw: string | undefined): OptionValue {
  const v = o.option_values.find((x) => x.id === Number(raw));
  if (!v) throw new ApiError(404, 'The requested option value was not found.');
  return v;
}

function prepareValue(body: unknown, prefix: string, create: boolean): Partial<OptionValue> {
  if (!isObject(body)) throw unprocessable({ [prefix || 'body']: 'An option value object is required.' });
  const errors = validateFields(body, OPTION_VALUE_RULES, create ? ['label'] : [], prefix);
  if (Object.keys(errors).length) throw unprocessable(errors, 'The OptionValue was not valid.');
  const f = pickWritable<OptionValue>(body, OPTION_VALUE_RULES);
  if (f.value_data === null) f.value_data = {};
  return f;
}

/** Product changed because one of its options changed: bump date_modified and tell webhooks. */
function productChanged(ctx: Ctx, p: ProductRow): void {
  touchProduct(ctx, ctx.store.db.products.get(p.id) ?? p);
  emitProduct(ctx.tx, 'updated', p.id);
}

/** Keep the labels copied onto variants in step with their option and values. */
function propagateLabels(ctx: Ctx, o: OptionRow): void {
  for (const v of ctx.store.db.variantsOf(o.product_id)) {
    let changed = false;
    const ovs = v.option_values.map((ov) => {
      if (ov.option_id !== o.id) return ov;
      const label = o.option_values.find((x) => x.id === ov.id)?.label ?? ov.label;
      if (label === ov.label && ov.option_display_name === o.display_name) return ov;
      changed = true;
      return { ...ov, label, option_display_name: o.display_name };
    });
    if (changed) ctx.tx.put('variants', { ...v, option_values: ovs });
  }
}

function render(ctx: Ctx, o: OptionRow): Record<string, unknown> {
  return shapeFields(o as unknown as Record<string, unknown>, ctx.query.list('include_fields'), ctx.query.list('exclude_fields'));
}

function list(ctx: Ctx): Reply {
  const p = requireProduct(ctx.store.db, ctx.params.product_id);
  return { status: 200, body: v3List(ctx.query, readPaging(ctx.query), ctx.store.db.optionsOf(p.id), (o) => render(ctx, o)) };
}

function getOne(ctx: Ctx): Reply {
  const p = requireProduct(ctx.store.db, ctx.params.product_id);
  return { status: 200, body: { data: render(ctx, requireOption(ctx, p)), meta: {} } };
}

function prepareOption(ctx: Ctx, p: ProductRow, body: unknown, existing?: OptionRow): Partial<OptionRow> {
  if (!isObject(body)) throw unprocessable({ body: 'An option object is required.' });
  const errors = validateFields(body, OPTION_RULES, existing ? [] : ['display_name', 'type', 'option_values']);
  if (Object.keys(errors).length) throw unprocessable(errors, 'The Option was not valid.');
  const f = pickWritable<OptionRow>(body, OPTION_RULES);
  const clash = f.display_name && ctx.store.db.optionsOf(p.id).some((o) => o.display_name === f.display_name && o.id !== existing?.id);
  if (clash) throw conflict('The option was in conflict with another option.', { display_name: `An option named "${f.display_name}" already exists on this product.` });
  return f;
}

function mergeValues(ctx: Ctx, current: OptionValue[], raw: unknown[]): OptionValue[] {
  const out = [...current];
  raw.forEach((item, i) => {
    const patch = prepareValue(item, `option_values.${i}.`, !(isObject(item) && item.id !== undefined));
    const idx = isObject(item) && typeof item.id === 'number' ? out.findIndex((v) => v.id === item.id) : -1;
    if (idx >= 0) out[idx] = { ...out[idx], ...patch, id: out[idx].id };
    else out.push({ label: '', sort_order: out.length, value_data: {}, is_default: false, ...patch, id: ctx.tx.counter('optionValue') });
  });
  return out;
}

function create(ctx: Ctx): Reply {
  const p = requireProduct(ctx.store.db, ctx.params.product_id);
  const f = prepareOption(ctx, p, ctx.body);
  const id = ctx.tx.newId('options');
  const row: OptionRow = {
    id, product_id: p.id, name: `${f.display_name}${Math.floor(ctx.now / 1000)}-${p.id}`, display_name: f.display_name!,
    type: f.type!, config: f.config ?? {}, sort_order: f.sort_order ?? ctx.store.db.optionsOf(p.id).length,
    option_values: mergeValues(ctx, [], (ctx.body as { option_values: unknown[] }).option_values),
  };
  ctx.tx.put('options', row);
  productChanged(ctx, p);
  return { status: 200, body: { data: row, meta: {} } };
}

function update(ctx: Ctx): Reply {
  const p = requireProduct(ctx.store.db, ctx.params.product_id);
  const prev = requireOption(ctx, p);
  const f = prepareOption(ctx, p, ctx.body, prev);
  const values = Array.isArray(f.option_values) ? mergeValues(ctx, prev.option_values, f.option_values) : prev.option_values;
  const row = ctx.tx.put('options', { ...prev, ...f, option_values: values });
  propagateLabels(ctx, row);
  productChanged(ctx, p);
  return { status: 200, body: { data: row, meta: {} } };
}

/** Deleting an option removes the variants built from it (the product falls back to its base variant). */
function remove(ctx: Ctx): Reply {
  const p = requireProduct(ctx.store.db, ctx.params.product_id);
  const o = ctx.store.db.options.get(Number(ctx.params.option_id));
  if (o && o.product_id === p.id) {
    for (const v of ctx.store.db.variantsOf(p.id)) if (v.option_values.some((ov) => ov.option_id === o.id)) deleteVariantRow(ctx, v);
    ctx.tx.del('options', o.id);
    refreshProducts(ctx, [p.id]);
    emitProduct(ctx.tx, 'updated', p.id);
  }
  return { status: 204 };
}

function listValues(ctx: Ctx): Reply {
  const p = requireProduct(ctx.store.db, ctx.params.product_id);
  return { status: 200, body: v3List(ctx.query, readPaging(ctx.query), requireOption(ctx, p).option_values) };
}

function getValue(ctx: Ctx): Reply {
  const p = requireProduct(ctx.store.db, ctx.params.product_id);
  return { status: 200, body: { data: requireValue(requireOption(ctx, p), ctx.params.value_id), meta: {} } };
}

function createValue(ctx: Ctx): Reply {
  const p = requireProduct(ctx.store.db, ctx.params.product_id);
  const o = requireOption(ctx, p);
  const patch = prepareValue(ctx.body, '', true);
  if (o.option_values.some((v) => v.label === patch.label)) throw unprocessable({ label: `The label "${patch.label}" already exists on this option.` });
  const value: OptionValue = { label: '', sort_order: o.option_values.length, value_data: {}, is_default: false, ...patch, id: ctx.tx.counter('optionValue') };
  ctx.tx.put('options', { ...o, option_values: [...o.option_values, value] });
  productChanged(ctx, p);
  return { status: 200, body: { data: value, meta: {} } };
}

function updateValue(ctx: Ctx): Reply {
  const p = requireProduct(ctx.store.db, ctx.params.product_id);
  const o = requireOption(ctx, p);
  const prev = requireValue(o, ctx.params.value_id);
  const value = { ...prev, ...prepareValue(ctx.body, '', false), id: prev.id };
  const row = ctx.tx.put('options', { ...o, option_values: o.option_values.map((v) => (v.id === prev.id ? value : v)) });
  propagateLabels(ctx, row);
  productChanged(ctx, p);
  return { status: 200, body: { data: value, meta: {} } };
}

function removeValue(ctx: Ctx): Reply {
  const p = requireProduct(ctx.store.db, ctx.params.product_id);
  const o = requireOption(ctx, p);
  const id = Number(ctx.params.value_id);
  if (o.option_values.some((v) => v.id === id)) {
    for (const v of ctx.store.db.variantsOf(p.id)) if (v.option_values.some((ov) => ov.id === id)) deleteVariantRow(ctx, v);
    ctx.tx.put('options', { ...o, option_values: o.option_values.filter((v) => v.id !== id) });
    refreshProducts(ctx, [p.id]);
    emitProduct(ctx.tx, 'updated', p.id);
  }
  return { status: 204 };
}

const base = '/v3/catalog/products/{product_id}/options';
const r = (method: RouteDef['method'], path: string, handler: RouteDef['handler']): RouteDef => ({ method, path, area: 'products', spec: SPEC, handler });
export const optionRoutes: RouteDef[] = [
  r('GET', base, list), r('POST', base, create),
  r('GET', `${base}/{option_id}`, getOne), r('PUT', `${base}/{option_id}`, update), r('DELETE', `${base}/{option_id}`, remove),
  r('GET', `${base}/{option_id}/values`, listValues), r('POST', `${base}/{option_id}/values`, createValue),
  r('GET', `${base}/{option_id}/values/{value_id}`, getValue), r('PUT', `${base}/{option_id}/values/{value_id}`, updateValue),
  r('DELETE', `${base}/{option_id}/values/{value_id}`, removeValue),
];
