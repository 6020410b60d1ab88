import type { JsonValue, OrderRowData } from '../../../../shared/contract';

/** The orders.v2 spec's `sort` values for `GET /v2/orders`. */
export type OrderSortKey = 'id' | 'customer_id' | 'date_created' | 'date_modified' | 'status_id' | 'channel_id' | 'external_id';

/**
 * For each API sort key, the grid column that sorts by it and the value it sorts (the column's
 * `value`): ids and counts as numbers, dates as ISO-8601 UTC text (which sorts as the instants
 * do), the status by its id as the API sorts it (the cell shows the store's name for it), an
 * order without an external id as an empty cell. tests/contract/orders-sort.test.ts checks each
 * against the demo store's `sort=<key>:asc|desc`.
 */
export const ORDER_SORTS: Readonly<Record<OrderSortKey, { column: string; value(row: OrderRowData): JsonValue }>> = {
  id: { column: 'id', value: (r) => r.id },
  customer_id: { column: 'customer_id', value: (r) => r.customer_id },
  date_created: { column: 'date_created', value: (r) => r.date_created },
  date_modified: { column: 'date_modified', value: (r) => r.date_modified },
  status_id: { column: 'status', value: (r) => r.status_id },
  channel_id: { column: 'channel_id', value: (r) => r.channel_id },
  external_id: { column: 'external_id', value: (r) => r.external_id || null },
};
