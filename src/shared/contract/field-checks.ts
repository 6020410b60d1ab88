import { fractionDigits, isMoney, parseMoney } from '../money';
import { fieldSpec, valueProblem, type Entity, type JsonValue } from './jobs-schema';

/**
 * The store-aware checks of an edit's new value, on top of the field spec's own (valueProblem):
 * money with no more decimals than the store's currency, and a SKU that is not empty and not used
 * by another product or variant. The renderer runs them as the merchant types; main runs the same
 * ones on staging.stage and jobs.start, because it must not trust the renderer.
 */
export interface StoreMoney {
  /** ISO code ("USD"), or null when the store has not told us. */
  currency: string | null;
  decimalPlaces: number;
}

/** Who holds a SKU in the local catalog. */
export interface SkuOwner {
  key: string;
  label: string;
}

export type SkuLookup = (sku: string) => SkuOwner | undefined;

export interface EditCheckContext {
  money: StoreMoney;
  /** Omitted when there is no local catalog to check against. */
  skuOwner?: SkuLookup;
}

export interface CheckedEdit {
  entity: Entity;
  id: number;
  field: string;
  to: JsonValue;
}

const SKU_ENTITIES = new Set<Entity>(['product', 'variant']);

export function moneyPlacesProblem(value: string, money: StoreMoney): string | null {
  if (!isMoney(value) || fractionDigits(parseMoney(value)) <= money.decimalPlaces) return null;
  const n = money.decimalPlaces;
  const places = n === 0 ? 'no decimal places' : `${n} decimal ${n === 1 ? 'place' : 'places'}`;
  return `${money.currency ?? 'This store’s'} prices have ${places}`;
}

/** Why the edit's new value cannot be staged, or null. */
export function editValueProblem(edit: CheckedEdit, context: EditCheckContext): string | null {
  const spec = fieldSpec(edit.entity, edit.field);
  if (!spec) return `${edit.entity} field "${edit.field}" cannot be edited`;
  const problem = valueProblem(spec, edit.to);
  if (problem) return problem;
  if (spec.kind === 'money' && typeof edit.to === 'string') return moneyPlacesProblem(edit.to, context.money);
  if (edit.field === 'sku' && SKU_ENTITIES.has(edit.entity) && typeof edit.to === 'string') return skuProblem(edit, edit.to, context.skuOwner);
  return null;
}

function skuProblem(edit: CheckedEdit, sku: string, owner: SkuLookup | undefined): string | null {
  if (sku.trim() === '') return 'a SKU must not be empty';
  const holder = owner?.(sku);
  return holder && holder.key !== `${edit.entity}:${edit.id}` ? `SKU "${sku}" is already used by ${holder.label}` : null;
}

export interface EditIssue {
  index: number;
  message: string;
}

/**
 * Every edit of a batch that fails editValueProblem, plus SKUs given to two rows of the batch.
 * A SKU another edit of the batch frees is still counted as taken (checked against the catalog as it is).
 */
export function editIssues(edits: readonly CheckedEdit[], context: EditCheckContext): EditIssue[] {
  const issues: EditIssue[] = [];
  const batchSkus = new Map<string, number>();
  edits.forEach((edit, index) => {
    const problem = editValueProblem(edit, context);
    if (problem) {
      issues.push({ index, message: problem });
      return;
    }
    if (edit.field !== 'sku' || typeof edit.to !== 'string' || !SKU_ENTITIES.has(edit.entity)) return;
    const first = batchSkus.get(edit.to.toLowerCase());
    if (first === undefined) batchSkus.set(edit.to.toLowerCase(), index);
    else issues.push({ index, message: `SKU "${edit.to}" is given to two rows (also edit ${first})` });
  });
  return issues;
}

interface SkuRow {
  id: number;
  name: string;
  sku: string;
  variants: ReadonlyArray<{ id: number; sku: string; option_values?: ReadonlyArray<{ label: string }> }>;
}

/**
 * Every SKU of the catalog → its product or variant (a base variant carrying its product's SKU
 * counts as the product). Case-insensitive, as the store compares them ("ab-1" clashes with "AB-1").
 * Built on the first lookup: the Products screen makes one per catalog load, and most loads never
 * check a SKU (at 100,000 products building it cost the first visit about half a second).
 */
export function buildSkuIndex(products: readonly SkuRow[]): SkuLookup {
  let owners: Map<string, SkuOwner> | null = null;
  return (sku) => (owners ??= indexSkus(products)).get(sku.toLowerCase());
}

function indexSkus(products: readonly SkuRow[]): Map<string, SkuOwner> {
  const owners = new Map<string, SkuOwner>();
  for (const product of products) {
    if (product.sku) owners.set(product.sku.toLowerCase(), { key: `product:${product.id}`, label: `“${product.name}”` });
    for (const variant of product.variants) {
      const sku = variant.sku.toLowerCase();
      if (!sku || owners.has(sku)) continue;
      const options = variant.option_values?.map((o) => o.label).join(', ');
      owners.set(sku, { key: `variant:${variant.id}`, label: `a variant of “${product.name}”${options ? ` (${options})` : ''}` });
    }
  }
  return owners;
}
