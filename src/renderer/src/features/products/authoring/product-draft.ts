import { combinations, suggestSku, type NewProduct, type NewVariant } from '../../../../../shared/contract';
import { parseMoneyInput } from '../../../../../shared/money';

/** What the New product form holds while the merchant types: text as typed, converted on each change. */
export interface ProductDraft {
  name: string;
  type: 'physical' | 'digital';
  sku: string;
  price: string;
  weight: string;
  categories: number[];
  brandId: number;
  stock: string;
  tracking: 'none' | 'product' | 'variant';
  visible: boolean;
}

export const EMPTY_DRAFT: ProductDraft = {
  name: '', type: 'physical', sku: '', price: '', weight: '0', categories: [], brandId: 0, stock: '0', tracking: 'product', visible: true,
};

/** One option of the variants being made: "Size" with the values ticked or typed ("S, M, L"). */
export interface OptionDraft {
  name: string;
  values: string[];
}

/** One variant row of the editor, keyed by its combination ("Size:S|Colour:Red"). */
export interface VariantDraft {
  key: string;
  option_values: NewVariant['option_values'];
  sku: string;
  price: string;
  stock: string;
  bin: string;
}

/** "12,50" and " 12.5 " → "12.50"-style decimals; text that is no number stays as typed, so the check names it. */
function decimalOrRaw(text: string): string {
  try {
    return parseMoneyInput(text);
  } catch {
    return text.trim();
  }
}

const intOrNaN = (text: string): number => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

export function comboKey(values: NewVariant['option_values']): string {
  return values.map((v) => `${v.option_display_name}:${v.label}`).join('|');
}

/** "S, M ,L," → ["S", "M", "L"], without repeats. */
export function splitValues(text: string): string[] {
  return [...new Set(text.split(',').map((v) => v.trim()).filter(Boolean))];
}

/**
 * The variant rows for the options' combinations, keeping what was typed in rows that stay and
 * suggesting SKUs (product SKU + labels) for new ones; combinations in `existing` are left out.
 */
export function variantRows(options: readonly OptionDraft[], previous: readonly VariantDraft[], productSku: string, existing: ReadonlySet<string> = new Set()): VariantDraft[] {
  const kept = new Map(previous.map((v) => [v.key, v]));
  return combinations(options.map((o) => ({ name: o.name.trim(), values: o.values })).filter((o) => o.name))
    .filter((combo) => !existing.has(comboKey(combo)))
    .map((combo) => {
      const key = comboKey(combo);
      return kept.get(key) ?? { key, option_values: combo, sku: suggestSku(productSku, combo.map((c) => c.label)), price: '', stock: '0', bin: '' };
    });
}

export function toNewVariant(v: VariantDraft): NewVariant {
  return { option_values: v.option_values, sku: v.sku.trim(), price: v.price.trim() === '' ? null : decimalOrRaw(v.price), inventory_level: intOrNaN(v.stock), bin_picking_number: v.bin.trim() };
}

export function toNewProduct(d: ProductDraft, variants: readonly VariantDraft[]): NewProduct {
  return {
    name: d.name,
    type: d.type,
    sku: d.sku.trim(),
    price: decimalOrRaw(d.price),
    weight: decimalOrRaw(d.weight),
    categories: d.categories,
    brand_id: d.brandId,
    inventory_level: intOrNaN(d.stock),
    inventory_tracking: variants.length > 0 && d.tracking !== 'none' ? 'variant' : d.tracking,
    is_visible: d.visible,
    variants: variants.map(toNewVariant),
  };
}

/** Messages by field ("sku", "variants.0.price"), the first one per field. */
export function problemsByField(problems: ReadonlyArray<{ field: string; message: string }>): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of problems) if (!out.has(p.field)) out.set(p.field, p.message);
  return out;
}
