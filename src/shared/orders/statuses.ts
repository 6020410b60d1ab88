import type { OrderStatus } from '../contract/orders';

/**
 * BigCommerce's 15 order statuses with their default names and the control panel's order
 * (`/v2/order_statuses`, bigcommerce-facts §7). Only a stand-in until the store's own list has
 * arrived (or when it cannot be read): a store may rename any of them (`custom_label`).
 */
export const DEFAULT_ORDER_STATUSES: readonly OrderStatus[] = [
  [0, 'Incomplete', 0], [1, 'Pending', 1], [7, 'Awaiting Payment', 2], [11, 'Awaiting Fulfillment', 3], [9, 'Awaiting Shipment', 4],
  [8, 'Awaiting Pickup', 5], [3, 'Partially Shipped', 6], [10, 'Completed', 7], [2, 'Shipped', 8], [5, 'Cancelled', 9],
  [6, 'Declined', 10], [4, 'Refunded', 11], [13, 'Disputed', 12], [12, 'Manual Verification Required', 13], [14, 'Partially Refunded', 14],
].map(([id, name, order]) => ({ id: id as number, name: name as string, systemName: name as string, order: order as number }));

/** The statuses a store names, and the name of any id: the one place a status id becomes words. */
export interface StatusNaming {
  /** In the control panel's order. */
  list: readonly OrderStatus[];
  name(id: number): string;
  /** Several ids as one phrase ("Zu kommissionieren, Versandbereit"). */
  names(ids: readonly number[]): string;
}

export function statusNaming(statuses: readonly OrderStatus[] | undefined): StatusNaming {
  const list = statuses && statuses.length > 0 ? statuses : DEFAULT_ORDER_STATUSES;
  const byId = new Map(list.map((s) => [s.id, s.name]));
  const name = (id: number) => byId.get(id) ?? `Status ${id}`;
  return { list, name, names: (ids) => ids.map(name).join(', ') };
}
