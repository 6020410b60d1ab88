import type { OrderLine, ShipmentRequest } from '../../../../shared/contract';

/** Units of a line still to ship: ordered − shipped − refunded (main checks the same before sending). */
export const leftOf = (l: Pick<OrderLine, 'quantity' | 'quantity_shipped' | 'quantity_refunded'>): number => Math.max(0, l.quantity - l.quantity_shipped - l.quantity_refunded);

export interface ShipFields {
  trackingNumber: string;
  shippingProvider: string;
  trackingCarrier: string;
  shippingMethod: string;
  comments: string;
}

/**
 * One order's shipment from the quantities typed per line (text, as typed): the request, or the
 * sentences that say why not — nothing is sent while any quantity is wrong.
 */
export function planShipment(orderId: number, lines: readonly OrderLine[], typed: ReadonlyMap<number, string>, fields: ShipFields): { request: ShipmentRequest } | { problems: string[] } {
  const problems: string[] = [];
  const items: Array<{ orderProductId: number; quantity: number }> = [];
  for (const line of lines) {
    if (!line.physical) continue;
    const text = (typed.get(line.id) ?? String(leftOf(line))).trim();
    const what = line.sku || line.name;
    if (!/^\d+$/.test(text)) {
      problems.push(`${what}: "${text}" is not a whole number of units.`);
      continue;
    }
    const quantity = Number(text);
    if (quantity > leftOf(line)) problems.push(`${what}: cannot ship ${quantity}, only ${leftOf(line)} left to ship.`);
    else if (quantity > 0) items.push({ orderProductId: line.id, quantity });
  }
  if (problems.length) return { problems };
  if (items.length === 0) return { problems: ['Nothing to ship: every quantity is 0.'] };
  return { request: { orderId, items, ...requestFields(fields) } };
}

export function requestFields(f: ShipFields): Omit<ShipmentRequest, 'orderId'> {
  return {
    trackingNumber: f.trackingNumber.trim(),
    shippingProvider: f.shippingProvider,
    trackingCarrier: f.trackingCarrier.trim().toLowerCase(),
    comments: f.comments,
    ...(f.shippingMethod.trim() ? { shippingMethod: f.shippingMethod.trim() } : {}),
  };
}
