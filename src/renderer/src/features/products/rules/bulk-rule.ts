import { fieldSpec, sameFieldValue, type JsonValue } from '../../../../../shared/contract';
import { createPriceRuleApplier, isMoney, MoneyError, parseMoneyInput, PriceRuleError, type PriceRounding, type PriceRule } from '../../../../../shared/money';
import { applyStockRule, MAX_INVENTORY_LEVEL, type StockRule } from '../../../../../shared/money';
import type { SelectedCell } from '../../../components/data-grid';

/**
 * Rules over a selection of grid cells: what the merchant asks for ("+10 %, round to .99") turned
 * into cell texts for the grid's stageCells, with the counts and examples the dialog previews.
 * Prices go through the shared price rule (decimal-exact, the store's decimal places), stock
 * through the shared stock rule, so the preview and what is staged are the same numbers.
 */
export const ROUNDINGS = ['places', '.99', '.95', '0.05', 'whole'] as const;
export type Rounding = (typeof ROUNDINGS)[number];

export type BulkRule =
  | { kind: 'set'; amount: string }
  | { kind: 'increase' | 'decrease'; amount: string; unit: 'amount' | 'percent' }
  | { kind: 'multiply'; amount: string }
  | { kind: 'round' }
  | { kind: 'fromColumn'; source: string; factor: string }
  | { kind: 'clear' };

export interface RuleContext {
  decimalPlaces: number;
  /** How prices are rounded after the rule (default: to the currency's places). */
  rounding?: Rounding;
  /** The value the cell's row has in another column (for `fromColumn`). */
  valueIn(cell: SelectedCell, columnId: string): JsonValue;
}

export interface CellChange {
  cell: SelectedCell;
  from: JsonValue;
  to: JsonValue;
  /** The text stageCells takes, as if typed. */
  text: string;
}

export interface RulePlan {
  changes: CellChange[];
  /** Cells the rule leaves as they are. */
  unchanged: number;
  /** Cells the rule does not apply to, counted by reason. */
  skipped: Map<string, number>;
  /** Stock levels the rule would take below 0 (or above the maximum), kept at the limit instead. */
  clamped: number;
}

export type PlanResult = { ok: true; plan: RulePlan } | { ok: false; message: string };

type MoneyRule = (cell: SelectedCell, value: JsonValue, field: string) => JsonValue | Skip;

export function planRule(rule: BulkRule, cells: readonly SelectedCell[], context: RuleContext): PlanResult {
  let apply: { money: MoneyRule | null; stock: StockRule | null };
  try {
    apply = { money: moneyRule(rule, context), stock: stockRule(rule) };
  } catch (error) {
    if (error instanceof MoneyError || error instanceof PriceRuleError) return { ok: false, message: error.message };
    throw error;
  }
  const plan: RulePlan = { changes: [], unchanged: 0, skipped: new Map(), clamped: 0 };
  const skip = (reason: string) => plan.skipped.set(reason, (plan.skipped.get(reason) ?? 0) + 1);
  for (const cell of cells) {
    const spec = cell.target ? fieldSpec(cell.target.entity, cell.target.field) : undefined;
    if (!cell.target || !spec) {
      skip('read-only');
      continue;
    }
    let to: JsonValue | Skip;
    if (spec.kind === 'money') to = apply.money ? apply.money(cell, cell.value, cell.target.field) : { skip: 'prices do not take this rule' };
    else if (spec.kind === 'integer' && cell.target.field.startsWith('inventory')) to = stockResult(apply.stock, cell.value, plan);
    else to = { skip: 'not a price or stock column' };
    if (isSkip(to)) skip(to.skip);
    else if (sameFieldValue(spec, cell.value, to)) plan.unchanged += 1;
    else plan.changes.push({ cell, from: cell.value, to, text: to === null ? '' : String(to) });
  }
  return { ok: true, plan };
}

interface Skip {
  skip: string;
}
const isSkip = (v: JsonValue | Skip): v is Skip => typeof v === 'object' && v !== null;

function stockResult(rule: StockRule | null, value: JsonValue, plan: RulePlan): number | Skip {
  if (!rule) return { skip: 'stock takes only set, increase or decrease by a whole number' };
  const current = typeof value === 'number' ? value : 0;
  const raw = rule.kind === 'set' ? rule.amount : current + rule.amount;
  if (raw < 0 || raw > MAX_INVENTORY_LEVEL) plan.clamped += 1;
  return applyStockRule(current, rule);
}

const moneyAmount = (text: string): string => parseMoneyInput(text);

function roundingOf(rounding: Rounding | undefined): PriceRounding {
  switch (rounding ?? 'places') {
    case 'places':
      return { to: 'places' };
    case '.99':
      return { to: 'ending', ending: '.99' };
    case '.95':
      return { to: 'ending', ending: '.95' };
    case '0.05':
      return { to: 'nearest', step: '0.05' };
    case 'whole':
      return { to: 'nearest', step: '1' };
  }
}

function priceRuleOf(rule: BulkRule): PriceRule | null {
  switch (rule.kind) {
    case 'set':
      return { kind: 'set', amount: moneyAmount(rule.amount) };
    case 'multiply':
      return { kind: 'multiply', amount: moneyAmount(rule.amount) };
    case 'round':
      return { kind: 'add', amount: '0' };
    case 'fromColumn':
      return { kind: 'multiply', amount: moneyAmount(rule.factor) };
    case 'increase':
    case 'decrease': {
      const amount = moneyAmount(rule.amount);
      if (amount.startsWith('-')) throw new PriceRuleError(`Give the amount to ${rule.kind} by without a sign`);
      const signed = rule.kind === 'decrease' && amount !== '0' ? `-${amount}` : amount;
      return { kind: rule.unit === 'percent' ? 'percent' : 'add', amount: signed };
    }
    case 'clear':
      return null;
  }
}

function moneyRule(rule: BulkRule, context: RuleContext): MoneyRule | null {
  if (rule.kind === 'clear') return (cell, _value, field) => (field === 'sale_price' ? clearedSalePrice(cell) : { skip: 'only a sale price can be cleared' });
  const priceRule = priceRuleOf(rule);
  if (!priceRule) return null;
  const applier = createPriceRuleApplier({ ...priceRule, round: roundingOf(context.rounding) }, context.decimalPlaces);
  return (cell, value) => {
    // A set price does not depend on the old one (which may be null: a variant inheriting its product's).
    if (rule.kind === 'set') return applier('0');
    const base = rule.kind === 'fromColumn' ? context.valueIn(cell, rule.source) : value;
    if (typeof base !== 'string' || !isMoney(base)) return { skip: rule.kind === 'fromColumn' ? `no ${rule.source.replace(/_/g, ' ')} to start from` : 'no price of its own to change' };
    return applier(base);
  };
}

/** BigCommerce has no "no sale price" on a product but 0; a variant's sale price is null when it has none. */
function clearedSalePrice(cell: SelectedCell): JsonValue {
  const spec = cell.target ? fieldSpec(cell.target.entity, cell.target.field) : undefined;
  return spec && 'nullable' in spec && spec.nullable ? null : '0';
}

function stockRule(rule: BulkRule): StockRule | null {
  if (rule.kind !== 'set' && !((rule.kind === 'increase' || rule.kind === 'decrease') && rule.unit === 'amount')) return null;
  const text = rule.amount.trim().replace(/^\+/, '');
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) return null;
  const amount = Number(text);
  return { kind: rule.kind === 'set' ? 'set' : 'add', amount: rule.kind === 'decrease' ? -amount : amount };
}
