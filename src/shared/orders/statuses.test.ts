import { describe, expect, it } from 'vitest';
import { DEFAULT_ORDER_STATUSES, statusNaming } from './statuses';

describe('status naming', () => {
  it('names statuses as the store does, custom labels included', () => {
    const naming = statusNaming([
      { id: 11, name: 'Zu kommissionieren', systemName: 'Awaiting Fulfillment', order: 3 },
      { id: 9, name: 'Versandbereit', systemName: 'Awaiting Shipment', order: 4 },
    ]);
    expect(naming.name(11)).toBe('Zu kommissionieren');
    expect(naming.names([11, 9])).toBe('Zu kommissionieren, Versandbereit');
    expect(naming.name(99)).toBe('Status 99');
    expect(naming.list.map((s) => s.id)).toEqual([11, 9]);
  });

  it('falls back to BigCommerce’s names until the store’s have arrived', () => {
    for (const none of [undefined, []]) expect(statusNaming(none).name(11)).toBe('Awaiting Fulfillment');
    expect(DEFAULT_ORDER_STATUSES).toHaveLength(15);
    expect(DEFAULT_ORDER_STATUSES.map((s) => s.order)).toEqual([...Array(15).keys()]);
  });
});
