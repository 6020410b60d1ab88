import Big from 'big.js';
import { roundMoney } from '../util/money';
import type { OrderProductRow, OrderRow } from '../state/types';

/** Tax on an ex-tax amount, rounded to the store's decimals. */
export function taxOn(amount: number, rate: string, dp = 2): number {
  return roundMoney(new Big(amount).times(rate), dp);
}

export interface LineMoney {
  base_price: number;
  price_ex_tax: number;
  price_tax: number;
  price_inc_tax: number;
}

export function lineMoney(unitPrice: number, rate: string): LineMoney {
  const tax = taxOn(unitPrice, rate);
  return { base_price: unitPrice, price_ex_tax: unitPrice, price_tax: tax, price_inc_tax: roundMoney(new Big(unitPrice).plus(tax)) };
}

export interface OrderTotals {
  subtotal_ex_tax: number;
  subtotal_tax: number;
  total_ex_tax: number;
  total_tax: number;
  items_total: number;
}

/** Order totals are the sums of the line totals, so they always reconcile with `/orders/{id}/products`. */
export function orderTotals(lines: readonly OrderProductRow[], shippingExTax: number, shippingTax: number, discount: number): OrderTotals {
  let sub = new Big(0), subTax = new Big(0), items = 0;
  for (const l of lines) {
    sub = sub.plus(new Big(l.price_ex_tax).times(l.quantity));
    subTax = subTax.plus(new Big(l.price_tax).times(l.quantity));
    items += l.quantity;
  }
  return {
    subtotal_ex_tax: roundMoney(sub),
    subtotal_tax: roundMoney(subTax),
    total_ex_tax: roundMoney(sub.plus(shippingExTax).minus(discount)),
    total_tax: roundMoney(subTax.plus(shippingTax)),
    items_total: items,
  };
}

export function totalIncTax(o: Pick<OrderRow, 'total_ex_tax' | 'total_tax'>): number {
  return roundMoney(new Big(o.total_ex_tax).plus(o.total_tax));
}

/** Order status after shipping: BigCommerce moves to Shipped (2) or Partially Shipped (3). */
export function statusAfterShipping(itemsShipped: number, itemsTotal: number, current: number): number {
  if (itemsShipped <= 0) return current;
  return itemsShipped >= itemsTotal ? 2 : 3;
}
