import { compareMoney, formatMoney, mulMoney } from '../../../shared/money';
import { AppError } from '../../../shared/rpc';
import type { CopyField, CopySkip, JobEdit } from '../../../shared/contract';
import { distinctSkus } from './matching';
import { skuKey, type SkuEntry, type SkuIndex } from './sku-index';

export interface CopySide {
  name: string;
  index: SkuIndex;
  currency: string | null;
  decimalPlaces: number;
}

export interface CopyPlan {
  edits: JobEdit[];
  skipped: CopySkip[];
  unchanged: number;
}

/**
 * Prices cross currencies only by a factor the merchant gave: never a silent conversion. Same
 * currency, no factor: the price is copied as is. Unknown currency counts as different.
 */
export function priceFactor(from: CopySide, to: CopySide, factor: string | undefined): string {
  if (factor !== undefined) return factor;
  if (from.currency !== null && from.currency === to.currency) return '1';
  const what = (side: CopySide) => `${side.name} uses ${side.currency ?? 'an unknown currency'}`;
  throw new AppError('VALIDATION', `${what(from)} and ${what(to)}: give the factor to multiply prices by (no silent conversion)`, {
    issues: [{ path: ['factor'], message: 'required when the currencies differ' }],
  });
}

function priceEdit(src: SkuEntry, dst: SkuEntry, factor: string, decimalPlaces: number): JobEdit | null {
  const to = formatMoney(mulMoney(src.price, factor), decimalPlaces);
  // A variant that inherits the same price already shows it: no edit.
  if (compareMoney(to, dst.price) === 0) return null;
  return { entity: dst.entity, id: dst.id, ...(dst.entity === 'variant' && { productId: dst.productId }), field: 'price', from: dst.ownPrice, to };
}

function stockEdit(src: SkuEntry, dst: SkuEntry, from: CopySide, sku: string): JobEdit | CopySkip | null {
  if (src.stock === null) return { sku, field: 'stock', reason: `${from.name} does not track its stock` };
  if (dst.stockRefusal) return { sku, field: 'stock', reason: dst.stockRefusal };
  if (dst.stock === src.stock) return null;
  return { entity: dst.entity, id: dst.id, ...(dst.entity === 'variant' && { productId: dst.productId }), field: 'inventory_level', from: dst.stock, to: src.stock };
}

const isSkip = (x: JobEdit | CopySkip): x is CopySkip => 'reason' in x;

/** The edits that make the target's price and/or stock of these SKUs what the source has. */
export function planCopy(input: { from: CopySide; to: CopySide; skus: readonly string[]; fields: readonly CopyField[]; factor?: string }): CopyPlan {
  const { from, to, fields } = input;
  const factor = fields.includes('price') ? priceFactor(from, to, input.factor) : '1';
  const plan: CopyPlan = { edits: [], skipped: [], unchanged: 0 };
  for (const sku of distinctSkus(input.skus)) {
    const src = from.index.get(skuKey(sku));
    const dst = to.index.get(skuKey(sku));
    for (const field of fields) {
      if (!src || !dst) {
        plan.skipped.push({ sku, field, reason: `not in ${(src ? to : from).name}` });
        continue;
      }
      const result = field === 'price' ? priceEdit(src, dst, factor, to.decimalPlaces) : stockEdit(src, dst, from, sku);
      if (result === null) plan.unchanged += 1;
      else if (isSkip(result)) plan.skipped.push(result);
      else plan.edits.push(result);
    }
  }
  return plan;
}
