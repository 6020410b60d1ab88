import { describe, expect, it } from 'vitest';
import type { OrderLine } from '../../../../shared/contract';
import { leftOf, planShipment } from './ship-plan';

const line = (id: number, quantity: number, shipped = 0, refunded = 0): OrderLine => ({
  id, order_address_id: 1, product_id: 1, variant_id: 1, sku: `SKU-${id}`, name: `Item ${id}`, options: [], quantity,
  quantity_shipped: shipped, quantity_refunded: refunded, price_inc_tax: '1.0000', bin: null, physical: true,
});
const fields = { trackingNumber: ' 1Z ', shippingProvider: 'ups', trackingCarrier: 'UPS', shippingMethod: '', comments: '' };

describe('a shipment from typed quantities', () => {
  it('defaults every line to what is left (ordered − shipped − refunded) and skips lines with nothing left', () => {
    expect(leftOf(line(1, 5, 1, 2))).toBe(2);
    const plan = planShipment(7, [line(1, 5, 1, 2), line(2, 3, 3)], new Map(), fields);
    expect(plan).toEqual({ request: { orderId: 7, items: [{ orderProductId: 1, quantity: 2 }], trackingNumber: '1Z', shippingProvider: 'ups', trackingCarrier: 'ups', comments: '' } });
  });
  it('refuses more than is left, or a quantity that is not a whole number, naming the line; nothing is planned', () => {
    expect(planShipment(7, [line(1, 2), line(2, 1)], new Map([[1, '3'], [2, '1.5']]), fields)).toEqual({
      problems: ['SKU-1: cannot ship 3, only 2 left to ship.', 'SKU-2: "1.5" is not a whole number of units.'],
    });
    expect(planShipment(7, [line(1, 2)], new Map([[1, '0']]), fields)).toEqual({ problems: ['Nothing to ship: every quantity is 0.'] });
  });
});
