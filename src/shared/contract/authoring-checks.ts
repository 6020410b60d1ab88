import { NewProductSchema, NewVariantSchema, type NewProduct, type NewVariant, type StagedChange } from './authoring';
import { moneyPlacesProblem, type SkuLookup, type StoreMoney } from './field-checks';

/**
 * The checks a new product or variant must pass before anything is sent, shared by the form (as
 * the merchant types) and main (which must not trust the renderer): the schema's own (required,
 * lengths), money with the store's decimal places, and SKUs unique in the local catalog, among the
 * other staged creates, and within the request itself. Case-insensitive, as the store compares SKUs.
 */
export interface NewItemContext {
  money: StoreMoney;
  skuOwner?: SkuLookup;
  /** SKUs that staged creates will take (lower case) → what takes them. */
  stagedSkus?: ReadonlyMap<string, string>;
}

/** SKUs the staged creates will take, lower case → what takes them (NewItemContext.stagedSkus). */
export function stagedCreateSkus(changes: readonly StagedChange[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of changes) {
    if (c.op === 'createProduct') {
      out.set(c.product.sku.trim().toLowerCase(), `new product “${c.product.name}”`);
      for (const v of c.variants) out.set(v.sku.trim().toLowerCase(), `a variant of new product “${c.product.name}”`);
    } else if (c.op === 'createVariants') for (const v of c.variants) out.set(v.sku.trim().toLowerCase(), 'a staged new variant');
  }
  return out;
}

export interface ItemProblem {
  /** "name", "price", "variants.1.sku". */
  field: string;
  message: string;
}

function skuTaken(sku: string, ctx: NewItemContext, seen: Map<string, string>): string | null {
  const lower = sku.trim().toLowerCase();
  const owner = ctx.skuOwner?.(sku.trim());
  if (owner) return `SKU "${sku}" is already used by ${owner.label}`;
  const staged = ctx.stagedSkus?.get(lower);
  if (staged) return `SKU "${sku}" is already taken by ${staged}, staged`;
  const twin = seen.get(lower);
  if (twin) return `SKU "${sku}" is also given to ${twin}`;
  return null;
}

function variantProblems(variant: NewVariant, prefix: string, ctx: NewItemContext, seen: Map<string, string>): ItemProblem[] {
  const problems: ItemProblem[] = [];
  const parsed = NewVariantSchema.safeParse(variant);
  if (!parsed.success) for (const issue of parsed.error.issues) problems.push({ field: `${prefix}${issue.path.join('.')}`, message: issue.message });
  if (typeof variant.price === 'string') {
    const places = moneyPlacesProblem(variant.price, ctx.money);
    if (places) problems.push({ field: `${prefix}price`, message: places });
  }
  if (typeof variant.sku === 'string' && variant.sku.trim()) {
    const taken = skuTaken(variant.sku, ctx, seen);
    if (taken) problems.push({ field: `${prefix}sku`, message: taken });
    seen.set(variant.sku.trim().toLowerCase(), `variant ${variant.option_values.map((o) => o.label).join(', ')}`);
  }
  return problems;
}

/** Every problem of a new product (with its variants); empty when it may be staged. */
export function newProductProblems(product: NewProduct, ctx: NewItemContext): ItemProblem[] {
  const problems: ItemProblem[] = [];
  const parsed = NewProductSchema.safeParse(product);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) if (issue.path[0] !== 'variants') problems.push({ field: issue.path.join('.'), message: issue.message });
  }
  for (const field of ['price'] as const) {
    const places = typeof product[field] === 'string' ? moneyPlacesProblem(product[field], ctx.money) : null;
    if (places) problems.push({ field, message: places });
  }
  const seen = new Map<string, string>();
  if (typeof product.sku === 'string' && product.sku.trim()) {
    const taken = skuTaken(product.sku, ctx, seen);
    if (taken) problems.push({ field: 'sku', message: taken });
    seen.set(product.sku.trim().toLowerCase(), 'the product');
  }
  (product.variants ?? []).forEach((v, i) => problems.push(...variantProblems(v, `variants.${i}.`, ctx, seen)));
  return problems;
}

/** Every problem of variants added to an existing product. */
export function newVariantsProblems(variants: readonly NewVariant[], ctx: NewItemContext): ItemProblem[] {
  const seen = new Map<string, string>();
  return variants.flatMap((v, i) => variantProblems(v, `variants.${i}.`, ctx, seen));
}

/** One variant per combination of the chosen values: Size S/M/L × Colour Red/Blue → 6. */
export function combinations(options: ReadonlyArray<{ name: string; values: readonly string[] }>): Array<Array<{ option_display_name: string; label: string }>> {
  const used = options.filter((o) => o.values.length > 0);
  if (used.length === 0) return [];
  return used.reduce<Array<Array<{ option_display_name: string; label: string }>>>(
    (acc, option) => acc.flatMap((combo) => option.values.map((label) => [...combo, { option_display_name: option.name, label }])),
    [[]],
  );
}

/** "MUG-1" + [S, Red] → "MUG-1-S-RED": upper case, spaces and symbols to dashes. */
export function suggestSku(productSku: string, labels: readonly string[]): string {
  const part = (text: string) => text.trim().toUpperCase().replace(/[^A-Z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return [productSku.trim(), ...labels.map(part)].filter(Boolean).join('-').slice(0, 255);
}
