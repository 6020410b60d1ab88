import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../../../../shared/contract';
import type { SelectedCell } from '../../../components/data-grid';
import { planRule, type BulkRule, type RuleContext, type RulePlan } from './bulk-rule';

const money = (value: JsonValue, field = 'price', entity: 'product' | 'variant' = 'product', id = 1): SelectedCell => ({
  rowId: `${entity}-${id}`,
  columnId: field,
  value,
  text: value === null ? '' : String(value),
  target: { entity, id, field },
});
const stock = (value: JsonValue, entity: 'product' | 'variant' = 'product', id = 1): SelectedCell => money(value, 'inventory_level', entity, id);
const context = (decimalPlaces = 2, rounding?: RuleContext['rounding'], others: Record<string, JsonValue> = {}): RuleContext => ({
  decimalPlaces,
  ...(rounding && { rounding }),
  valueIn: (_cell, columnId) => others[columnId] ?? null,
});

function plan(rule: BulkRule, cells: SelectedCell[], ctx = context()): RulePlan {
  const result = planRule(rule, cells, ctx);
  if (!result.ok) throw new Error(result.message);
  return result.plan;
}
const tos = (p: RulePlan) => p.changes.map((c) => c.text);

describe('price rules (decimal-exact, the store’s decimal places)', () => {
  it('+10 % and round to .99: 79.99 → 87.99, 29.99 → 32.99, 10 → 10.99', () => {
    const p = plan({ kind: 'increase', amount: '10', unit: 'percent' }, [money('79.99'), money('29.99'), money('10.00')], context(2, '.99'));
    expect(tos(p)).toEqual(['87.99', '32.99', '10.99']);
  });
  it('is exact where floats are not: 29.99 + 15 % is 34.4885 → 34.49', () => {
    expect(tos(plan({ kind: 'increase', amount: '15', unit: 'percent' }, [money('29.99')]))).toEqual(['34.49']);
  });
  it.each<[BulkRule, string, string]>([
    [{ kind: 'set', amount: '12.5' }, '10.00', '12.50'],
    [{ kind: 'increase', amount: '2.345', unit: 'amount' }, '10.00', '12.35'],
    [{ kind: 'decrease', amount: '2.5', unit: 'amount' }, '10.00', '7.50'],
    [{ kind: 'decrease', amount: '25', unit: 'percent' }, '10.00', '7.50'],
    [{ kind: 'multiply', amount: '1.1' }, '79.99', '87.99'],
    [{ kind: 'round' }, '10.004', '10.00'],
  ])('%j on %s → %s', (rule, from, to) => {
    expect(tos(plan(rule, [money(from)]))).toEqual([to]);
  });
  it.each<[RuleContext['rounding'], string, string]>([
    ['.95', '10.02', '9.95'],
    ['0.05', '10.03', '10.05'],
    ['0.05', '10.02', '10.00'],
    ['whole', '10.50', '11.00'],
    ['whole', '10.49', '10.00'],
  ])('round to %s: %s → %s', (rounding, from, to) => {
    expect(tos(plan({ kind: 'round' }, [money(from)], context(2, rounding)))).toEqual([to]);
  });
});

describe('negative and zero', () => {
  it('a decrease past zero stops at 0.00; a zero price stays 0.00 under a percentage', () => {
    const p = plan({ kind: 'decrease', amount: '20', unit: 'amount' }, [money('5.00'), money('0.00', 'price', 'product', 2)]);
    expect(tos(p)).toEqual(['0.00']);
    expect(p.unchanged).toBe(1);
    expect(plan({ kind: 'increase', amount: '50', unit: 'percent' }, [money('0')]).unchanged).toBe(1);
  });
  it('rounding to .99 from zero or from a price that fell below zero gives 0.99 (never negative)', () => {
    expect(tos(plan({ kind: 'round' }, [money('0.00')], context(2, '.99')))).toEqual(['0.99']);
    expect(tos(plan({ kind: 'decrease', amount: '100', unit: 'amount' }, [money('5.00')], context(2, '.99')))).toEqual(['0.99']);
    expect(tos(plan({ kind: 'round' }, [money('0.00')], context(2, 'whole')))).toEqual([]);
  });
  it('refuses a signed amount and a decrease of more than 100 %', () => {
    expect(planRule({ kind: 'increase', amount: '-5', unit: 'amount' }, [money('1')], context())).toEqual({ ok: false, message: 'Give the amount to increase by without a sign' });
    const over = planRule({ kind: 'decrease', amount: '150', unit: 'percent' }, [money('1')], context());
    expect(over.ok ? '' : over.message).toMatch(/cannot be below -100/);
    const bad = planRule({ kind: 'set', amount: '12,3' }, [money('1')], context());
    expect(bad.ok ? '' : bad.message).toMatch(/not a valid amount/);
  });
});

describe('currencies with 0 and 3 decimals', () => {
  it('JPY: +10 % of 1999 is 2198.9 → 2199; whole rounding; .99 endings are refused', () => {
    expect(tos(plan({ kind: 'increase', amount: '10', unit: 'percent' }, [money('1999')], context(0)))).toEqual(['2199']);
    const refused = planRule({ kind: 'round' }, [money('1999')], context(0, '.99'));
    expect(refused.ok ? '' : refused.message).toMatch(/more decimals than the currency allows \(0\)/);
  });
  it('KWD: 3 places kept exactly, 12.3456 × 1 → 12.346, nearest 0.05 → 12.350', () => {
    expect(tos(plan({ kind: 'multiply', amount: '1' }, [money('12.3456')], context(3)))).toEqual(['12.346']);
    expect(tos(plan({ kind: 'round' }, [money('12.3456')], context(3, '0.05')))).toEqual(['12.350']);
  });
});

describe('from another column, clearing, and what a rule skips', () => {
  it('sale price = price × 0.8, from the row’s price', () => {
    const cells = [money('0', 'sale_price')];
    expect(tos(plan({ kind: 'fromColumn', source: 'price', factor: '0.8' }, cells, context(2, undefined, { price: '79.99' })))).toEqual(['63.99']);
    const none = plan({ kind: 'fromColumn', source: 'price', factor: '0.8' }, cells, context());
    expect([...none.skipped]).toEqual([['no price to start from', 1]]);
  });
  it('clears a product sale price to 0 and a variant one to null (empty text), and nothing else', () => {
    const p = plan({ kind: 'clear' }, [money('9.00', 'sale_price'), money('8.00', 'sale_price', 'variant', 5), money('10.00', 'price')]);
    expect(p.changes.map((c) => [c.to, c.text])).toEqual([['0', '0'], [null, '']]);
    expect([...p.skipped]).toEqual([['only a sale price can be cleared', 1]]);
  });
  it('a variant price that inherits (null) can be set, not increased', () => {
    expect(tos(plan({ kind: 'set', amount: '5' }, [money(null, 'price', 'variant')]))).toEqual(['5.00']);
    expect([...plan({ kind: 'increase', amount: '5', unit: 'amount' }, [money(null, 'price', 'variant')]).skipped]).toEqual([['no price of its own to change', 1]]);
  });
  it('skips read-only and other columns, counted by reason', () => {
    const readOnly: SelectedCell = { rowId: 'product-1', columnId: 'id', value: 1, text: '1', target: null };
    const name: SelectedCell = { ...money('Mug', 'name') };
    const p = plan({ kind: 'set', amount: '5' }, [readOnly, name, money('1.00')]);
    expect(tos(p)).toEqual(['5.00']);
    expect([...p.skipped]).toEqual([['read-only', 1], ['not a price or stock column', 1]]);
  });
});

describe('stock rules', () => {
  it('sets, adds +5 and takes away, whole numbers only', () => {
    expect(tos(plan({ kind: 'increase', amount: '5', unit: 'amount' }, [stock(10), stock(0, 'variant', 2), stock(null, 'variant', 3)]))).toEqual(['15', '5', '5']);
    expect(tos(plan({ kind: 'set', amount: '7' }, [stock(10)]))).toEqual(['7']);
    expect([...plan({ kind: 'increase', amount: '1.5', unit: 'amount' }, [stock(10)]).skipped]).toEqual([['stock takes only set, increase or decrease by a whole number', 1]]);
    expect([...plan({ kind: 'increase', amount: '10', unit: 'percent' }, [stock(10)]).skipped]).toHaveLength(1);
  });
  it('a decrease below zero stops at 0 and is counted, so the dialog can say so', () => {
    const p = plan({ kind: 'decrease', amount: '5', unit: 'amount' }, [stock(3), stock(9, 'product', 2)]);
    expect(tos(p)).toEqual(['0', '4']);
    expect(p.clamped).toBe(1);
  });
  it('one rule over prices and stock together: +5 adds 5.00 to a price and 5 to stock', () => {
    expect(tos(plan({ kind: 'increase', amount: '5', unit: 'amount' }, [money('1.00'), stock(1)]))).toEqual(['6.00', '6']);
  });
});
