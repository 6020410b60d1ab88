import type { JsonValue, OrderRowData } from '../../../../shared/contract';
import type { StatusNaming } from '../../../../shared/orders/statuses';
import type { GridColumn } from '../../components/data-grid';
import { ORDER_SORTS } from './order-sort';

type Col = GridColumn<OrderRowData>;

/**
 * Colours of the system statuses (by id, so a renamed status keeps its colour): open work in
 * amber/blue, done in green, money problems in red, nothing to do in grey.
 */
export const STATUS_TONES: Readonly<Record<number, 'grey' | 'amber' | 'blue' | 'green' | 'red' | 'violet'>> = {
  0: 'grey', 1: 'grey', 7: 'amber', 11: 'amber', 12: 'red', 9: 'blue', 8: 'blue', 3: 'violet', 2: 'green', 10: 'green', 5: 'grey', 6: 'red', 13: 'red', 4: 'grey', 14: 'violet',
};

export const statusTone = (id: number) => STATUS_TONES[id] ?? 'grey';

const dateTime = (v: JsonValue) => (typeof v === 'string' && v ? new Date(v).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '');
/** "112.5000" → "112.50": the store's 4-place V2 money shown with 2 places, as the control panel does. */
const money = (v: JsonValue) => (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? formatMoney2(v) : v === null ? '' : String(v));

function formatMoney2(v: string): string {
  const [whole, frac = ''] = v.split('.');
  return `${whole}.${(frac + '00').slice(0, 2)}`;
}

/**
 * The Orders screen's columns; staff notes are the one editable cell (staged like any edit).
 *
 * Every sort key of `GET /v2/orders` has a column whose local sort gives the API's order (its
 * value is the key's in order-sort.ts). Customer ID, Channel, External ID and Date modified start
 * hidden (Columns menu).
 */
export function orderColumns(naming: StatusNaming): readonly Col[] {
  return [
    { id: 'id', label: 'Order', width: 80, numeric: true, pinned: true, value: ORDER_SORTS.id.value },
    { id: 'date_created', label: 'Date created', width: 172, value: ORDER_SORTS.date_created.value, format: dateTime, filter: 'date' },
    { id: 'status', label: 'Status', width: 170, value: ORDER_SORTS.status_id.value, format: (v, r) => (typeof v === 'number' ? naming.name(v) : r.status), tone: (r) => statusTone(r.status_id), filter: 'enum', options: naming.list.map((s) => s.name) },
    { id: 'customer_name', label: 'Customer', width: 150, value: (r) => r.customer_name },
    { id: 'customer_id', label: 'Customer ID', width: 96, numeric: true, value: ORDER_SORTS.customer_id.value, hidden: true },
    { id: 'email', label: 'Email', width: 200, value: (r) => r.email },
    { id: 'items_total', label: 'Items', width: 64, numeric: true, value: (r) => r.items_total },
    { id: 'items_shipped', label: 'Shipped', width: 72, numeric: true, value: (r) => r.items_shipped },
    { id: 'total_inc_tax', label: 'Total inc. tax', width: 110, numeric: true, value: (r) => r.total_inc_tax, format: money },
    { id: 'currency_code', label: 'Currency', width: 76, value: (r) => r.currency_code, filter: 'enum', options: ['USD', 'EUR', 'GBP', 'CAD', 'AUD'] },
    { id: 'payment_method', label: 'Payment method', width: 130, value: (r) => r.payment_method },
    { id: 'payment_status', label: 'Payment status', width: 120, value: (r) => r.payment_status },
    { id: 'shipping_method', label: 'Shipping method', width: 140, value: (r) => r.shipping_method },
    { id: 'ship_to_country', label: 'Ship to', width: 130, value: (r) => r.ship_to_country },
    { id: 'staff_notes', label: 'Staff notes', width: 220, value: (r) => r.staff_notes, edit: (r) => ({ entity: 'order', id: r.id, field: 'staff_notes' }) },
    { id: 'date_modified', label: 'Date modified', width: 172, value: ORDER_SORTS.date_modified.value, format: dateTime, filter: 'date', hidden: true },
    { id: 'channel_id', label: 'Channel', width: 76, numeric: true, value: ORDER_SORTS.channel_id.value, hidden: true },
    { id: 'external_id', label: 'External ID', width: 120, value: ORDER_SORTS.external_id.value, hidden: true },
  ];
}
