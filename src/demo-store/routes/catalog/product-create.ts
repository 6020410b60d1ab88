import { unprocessable } from '../../http/errors';
import type { Ctx } from '../../http/router';
import type { OptionRow, ProductRow, VariantOptionValue, VariantRow } from '../../state/types';
import { newVariant } from '../../model/product';
import { isObject } from '../../model/validate';
import { emitSku } from '../../model/events';
import { createProductRow, newClaims, prepareProductFields } from './product-write';
import { prepareVariantFields, refreshProducts } from './variant-write';
import { prepareImage, createImageRow } from './images';
import { createCustomFieldRow, prepareCustomField, type CustomFieldInput } from './custom-fields';

interface InlineVariant {
  fields: Partial<VariantRow>;
  values: Array<{ option: string; label: string }>;
}

/** POST /catalog/products: one product, optionally with inline variants (creating their options), images and custom fields. */
export function createProductWithChildren(ctx: Ctx, body: unknown): ProductRow {
  const db = ctx.store.db;
  const claims = newClaims();
  const fields = prepareProductFields(db, -1, body, claims, { create: true });
  const raw = body as Record<string, unknown>;
  const variants = readInlineVariants(ctx, raw.variants, claims);
  const images = Array.isArray(raw.images) ? raw.images.map((img, i) => prepareImage(img, `images.${i}.`)) : [];
  const customFields = Array.isArray(raw.custom_fields) ? raw.custom_fields.map((f, i) => prepareCustomField(f, `custom_fields.${i}.`) as CustomFieldInput) : [];
  const product = createProductRow(ctx, { ...fields, inventory_tracking: fields.inventory_tracking ?? (variants.length ? 'variant' : 'none') });
  if (variants.length) createInlineVariants(ctx, product, variants);
  else {
    const v = newVariant(ctx.tx.newId('variants'), product.id, {
      sku: product.sku, inventory_level: product.inventory_level, bin_picking_number: product.bin_picking_number, upc: product.upc,
    });
    ctx.tx.put('variants', v);
    emitSku(ctx.tx, 'created', v);
  }
  images.forEach((img, i) => createImageRow(ctx, product.id, { is_thumbnail: i === 0, sort_order: i, ...img }));
  customFields.forEach((f, i) => createCustomFieldRow(ctx, product.id, f, `custom_fields.${i}.`));
  refreshProducts(ctx, [product.id]);
  return db.products.get(product.id)!;
}

function readInlineVariants(ctx: Ctx, raw: unknown, claims: ReturnType<typeof newClaims>): InlineVariant[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw unprocessable({ variants: 'variants must be an array.' });
  return raw.map((item, i) => {
    if (!isObject(item)) throw unprocessable({ [`variants.${i}`]: 'Each variant must be an object.' });
    const fields = prepareVariantFields(ctx.store.db, -1, undefined, item, claims, `variants.${i}.`, true);
    const values = Array.isArray(item.option_values) ? item.option_values : [];
    const parsed = values.map((ov) => {
      const o = isObject(ov) ? ov : {};
      if (typeof o.option_display_name !== 'string' || typeof o.label !== 'string') {
        throw unprocessable({ [`variants.${i}.option_values`]: 'option_display_name and label are required for inline variants.' });
      }
      return { option: o.option_display_name, label: o.label };
    });
    return { fields, values: parsed };
  });
}

/** Options are created on the fly from the inline variants' option_display_name/label pairs. */
function createInlineVariants(ctx: Ctx, product: ProductRow, variants: InlineVariant[]): void {
  const options = new Map<string, OptionRow>();
  for (const v of variants) {
    for (const { option, label } of v.values) {
      let row = options.get(option);
      if (!row) {
        row = {
          id: ctx.tx.newId('options'), product_id: product.id, name: `${option}${Math.floor(ctx.now / 1000)}-${product.id}`,
          display_name: option, type: 'rectangles', config: {}, sort_order: options.size, option_values: [],
        };
        options.set(option, row);
      }
      if (!row.option_values.some((x) => x.label === label)) {
        row.option_values.push({ id: ctx.tx.counter('optionValue'), label, sort_order: row.option_values.length, value_data: {}, is_default: false });
      }
    }
  }
  for (const o of options.values()) ctx.tx.put('options', o);
  for (const v of variants) {
    const ovs: VariantOptionValue[] = v.values.map(({ option, label }) => {
      const o = options.get(option)!;
      return { id: o.option_values.find((x) => x.label === label)!.id, label, option_id: o.id, option_display_name: option };
    });
    const row = newVariant(ctx.tx.newId('variants'), product.id, { inventory_level: 0, ...v.fields, option_values: ovs });
    ctx.tx.put('variants', row);
    emitSku(ctx.tx, 'created', row);
  }
}
