/**
 * BigCommerce's order statuses with their default labels, in the control panel's order
 * (orders.v2 spec: `/order_statuses`). A store's custom labels come with the Orders screen's
 * status list; the ids are fixed, so a choice made here means the same statuses there.
 */
export const ORDER_STATUS_CHOICES: ReadonlyArray<{ id: number; name: string }> = [
  { id: 11, name: 'Awaiting Fulfillment' },
  { id: 9, name: 'Awaiting Shipment' },
  { id: 8, name: 'Awaiting Pickup' },
  { id: 3, name: 'Partially Shipped' },
  { id: 7, name: 'Awaiting Payment' },
  { id: 1, name: 'Pending' },
  { id: 12, name: 'Manual Verification Required' },
  { id: 2, name: 'Shipped' },
  { id: 10, name: 'Completed' },
];

export function statusNames(ids: readonly number[]): string {
  return ids.map((id) => ORDER_STATUS_CHOICES.find((s) => s.id === id)?.name ?? `Status ${id}`).join(', ');
}
