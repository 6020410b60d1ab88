import type { StoreDb } from '../../state/store-db';
import type { CustomFieldRow, ImageRow, OptionRow, ProductRow, VariantRow } from '../../state/types';
import { newVariant, variantCalculatedPrice } from '../../model/product';
import { FragmentCache } from './fragment-cache';
import { imageUrls } from '../../cdn/renditions';

/**
 * Catalog serializers. Rows are immutable, so each row's UTF-8 JSON can be kept as a Buffer: a
 * page of 250 products with variants is then one Buffer.concat of fragments (a native memcpy).
 * The caches are bounded (see FragmentCache for why): a 16 MB generation holds the rows of more
 * than 16 pages of 250 products with variants, twice the warm-page benchmark's working set.
 */
const GENERATION_BYTES = 16 * 1024 * 1024;
const productCache = new FragmentCache<ProductRow>(GENERATION_BYTES);
const variantCache = new FragmentCache<VariantRow, ProductRow | undefined>(GENERATION_BYTES);
const imageCache = new FragmentCache<ImageRow, string>(GENERATION_BYTES / 4);
const optionCache = new FragmentCache<OptionRow>(GENERATION_BYTES / 4);

const B = (s: string): Buffer => Buffer.from(s, 'utf8');
export const COMMA = B(',');
const CLOSE_OBJ = B('}');
const CLOSE_ARR = B(']');
const OPEN = {
  variants: B(',"variants":['), images: B(',"images":['), options: B(',"options":['), primary: B(',"primary_image":'),
  customFields: B(',"custom_fields":['),
  empty: B('{}'),
};
const EMPTY_SUBS: Array<[string, Buffer]> = ['bulk_pricing_rules', 'modifiers', 'videos', 'parent_relations']
  .map((k) => [k, B(`,"${k}":[]`)]);
const CHANNELS = B(',"channels":[1]');

/** `cdn` is the store's image origin (cdn/renditions cdnBase): the demo store serves them itself. */
export function imagePublic(img: ImageRow, cdn: string): Record<string, unknown> {
  const { file: _file, blob: _blob, ...rest } = img;
  const { original, ...urls } = imageUrls(img, cdn);
  return { ...rest, image_url: img.image_url || original, ...urls };
}

/**
 * Product JSON without its closing brace, so sub-resources can be appended. The row is stringified
 * as is and the internal/null-only fields are cut from the text: copying a 70-field object first
 * costs more than the stringify itself on cold pages.
 */
function productOpen(p: ProductRow): Buffer {
  let b = productCache.get(p, undefined);
  if (b === undefined) {
    let json = JSON.stringify(p).replace(/,"modified_ms":\d+/, '');
    if (p.base_variant_id === null) json = json.replace(',"base_variant_id":null', '');
    if (p.option_set_id === null) json = json.replace(',"option_set_id":null', '');
    b = B(json.slice(0, -1));
    productCache.set(p, undefined, b);
  }
  return b;
}

export function variantBuf(v: VariantRow, p: ProductRow | undefined): Buffer {
  const hit = variantCache.get(v, p);
  if (hit) return hit;
  const json = JSON.stringify(v);
  const calc = p ? variantCalculatedPrice(v, p) : (v.price ?? 0);
  const buf = B(`${json.slice(0, -1)},"calculated_price":${calc},"calculated_weight":${v.weight ?? p?.weight ?? 0}}`);
  if (p) variantCache.set(v, p, buf);
  return buf;
}

/**
 * Rows a write just produced, as one JSON array text. They have never been serialized and most will
 * be replaced before anyone lists them, so caching a Buffer per row (variantBuf) would cost
 * several times the stringify itself; list pages cache them when they are read.
 */
export function freshVariantsJson(rows: readonly VariantRow[], productOf: (id: number) => ProductRow | undefined): string {
  const parts = rows.map((v) => {
    const p = productOf(v.product_id);
    const calc = p ? variantCalculatedPrice(v, p) : (v.price ?? 0);
    return `${JSON.stringify(v).slice(0, -1)},"calculated_price":${calc},"calculated_weight":${v.weight ?? p?.weight ?? 0}}`;
  });
  return `[${parts.join(',')}]`;
}

export function imageBuf(img: ImageRow, cdn: string): Buffer {
  let b = imageCache.get(img, cdn);
  if (b === undefined) {
    b = B(JSON.stringify(imagePublic(img, cdn)));
    imageCache.set(img, cdn, b);
  }
  return b;
}

function optionBuf(o: OptionRow): Buffer {
  let b = optionCache.get(o, undefined);
  if (b === undefined) {
    b = B(JSON.stringify(o));
    optionCache.set(o, undefined, b);
  }
  return b;
}

/** A custom field as the spec has it: id, name, value (product_id is the demo store's own). */
export const customFieldPublic = (f: CustomFieldRow) => ({ id: f.id, name: f.name, value: f.value });
const customFieldBuf = (f: CustomFieldRow): Buffer => B(JSON.stringify(customFieldPublic(f)));

function pushList<T>(out: Buffer[], open: Buffer, items: readonly T[], render: (item: T) => Buffer): void {
  out.push(open);
  items.forEach((item, i) => {
    if (i > 0) out.push(COMMA);
    out.push(render(item));
  });
  out.push(CLOSE_ARR);
}

/** Append the product (with the requested sub-resources) to `out` as cached fragments. */
export function productChunks(db: StoreDb, cdn: string, p: ProductRow, include: ReadonlySet<string>, out: Buffer[]): void {
  out.push(productOpen(p));
  if (include.has('variants')) pushList(out, OPEN.variants, db.variantsOf(p.id), (v) => variantBuf(v, p));
  if (include.has('images')) pushList(out, OPEN.images, db.imagesOf(p.id), (i) => imageBuf(i, cdn));
  if (include.has('primary_image')) {
    const images = db.imagesOf(p.id);
    const primary = images.find((i) => i.is_thumbnail) ?? images[0];
    out.push(OPEN.primary, primary ? imageBuf(primary, cdn) : OPEN.empty);
  }
  if (include.has('options')) pushList(out, OPEN.options, db.optionsOf(p.id), optionBuf);
  if (include.has('custom_fields')) pushList(out, OPEN.customFields, db.customFieldsOf(p.id), customFieldBuf);
  // Sub-resources the demo store does not model are returned empty rather than omitted.
  for (const [key, buf] of EMPTY_SUBS) if (include.has(key)) out.push(buf);
  if (include.has('channels')) out.push(CHANNELS);
  out.push(CLOSE_OBJ);
}

export function productJson(db: StoreDb, cdn: string, p: ProductRow, include: ReadonlySet<string>): string {
  const out: Buffer[] = [];
  productChunks(db, cdn, p, include, out);
  return Buffer.concat(out).toString('utf8');
}

/** Object form, used when include_fields/exclude_fields reshape the product. */
export function productObject(db: StoreDb, cdn: string, p: ProductRow, include: ReadonlySet<string>): Record<string, unknown> {
  return JSON.parse(productJson(db, cdn, p, include)) as Record<string, unknown>;
}

export function imageJson(img: ImageRow, cdn: string): string {
  return imageBuf(img, cdn).toString('utf8');
}

/** Apply include_fields / exclude_fields; `id` is always kept (spec). */
export function shapeFields(obj: Record<string, unknown>, includeFields?: string[], excludeFields?: string[], keep: string[] = []): Record<string, unknown> {
  const allows = fieldFilter(includeFields, excludeFields, keep);
  if (!allows) return obj;
  const out: Record<string, unknown> = {};
  for (const key in obj) if (allows(key)) out[key] = obj[key];
  return out;
}

/**
 * `include_fields` / `exclude_fields` as one predicate, built once per request rather than per
 * row. `id` and `keep` always stay; null when the request asks for every field.
 */
export function fieldFilter(includeFields?: string[], excludeFields?: string[], keep: string[] = []): ((key: string) => boolean) | null {
  const allow = includeFields?.length ? new Set([...includeFields, 'id', ...keep]) : null;
  const deny = excludeFields?.length ? new Set(excludeFields.filter((f) => f !== 'id' && !keep.includes(f))) : null;
  if (!allow && !deny) return null;
  return (key) => (!allow || allow.has(key)) && !deny?.has(key);
}

/** A variant's public fields in response order (the row's own, then the two computed ones). */
const VARIANT_FIELDS: readonly string[] = Object.keys(newVariant(0, 0, {}));

/**
 * The serializer for one request's variants with include_fields/exclude_fields: the kept fields
 * are worked out once, and each row copies only those (a page asking for `inventory_level` of 250
 * variants would otherwise copy 25 fields per row twice).
 */
export function variantShaper(allows: (key: string) => boolean): (v: VariantRow, p: ProductRow | undefined) => Buffer {
  const keys = VARIANT_FIELDS.filter(allows);
  const price = allows('calculated_price');
  const weight = allows('calculated_weight');
  return (v, p) => {
    const out: Record<string, unknown> = {};
    for (const key of keys) out[key] = (v as unknown as Record<string, unknown>)[key];
    if (price) out.calculated_price = p ? variantCalculatedPrice(v, p) : (v.price ?? 0);
    if (weight) out.calculated_weight = v.weight ?? p?.weight ?? 0;
    return B(JSON.stringify(out));
  };
}
