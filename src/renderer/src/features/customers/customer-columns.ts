import type { CustomerRowData, JsonValue } from '../../../../shared/contract';
import type { EditTarget, GridColumn } from '../../components/data-grid';

type Col = GridColumn<CustomerRowData>;

/** A customer group by id and by name, as the Customer group column shows and reads them. */
export interface GroupLookup {
  names: ReadonlyMap<number, string>;
  /** Group names, for the one-of filter. */
  options: readonly string[];
}

export const NO_GROUP = 'No group';

const edit = (field: string) => (row: CustomerRowData): EditTarget => ({ entity: 'customer', id: row.id, field });
const yesNo = (value: JsonValue) => (value === true ? 'Yes' : value === false ? 'No' : '');
const pad = (n: number) => String(n).padStart(2, '0');
/** "2025-03-05 14:07", local time: sorts as text, and the contains filter finds a year or a month ("2025-03"). */
export function dateTime(value: JsonValue): string {
  if (typeof value !== 'string' || !value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A group's name for its id ("No group" for 0); an id the store no longer lists reads "Group #7". */
export function groupText(groups: GroupLookup, value: JsonValue): string {
  if (typeof value !== 'number') return '';
  return value === 0 ? NO_GROUP : (groups.names.get(value) ?? `Group #${value}`);
}

/** Typed or pasted text → the group id the field stores: a group's name (any case), "No group", or an id. */
export function groupIdText(groups: GroupLookup, text: string): string {
  const wanted = text.trim().toLowerCase();
  if (wanted === NO_GROUP.toLowerCase() || wanted === '') return '0';
  for (const [id, name] of groups.names) if (name.toLowerCase() === wanted) return String(id);
  // Anything else goes through as typed: a number is an id (checked by the screen), a word is refused as not one.
  return wanted.replace(/^#(?=\d)/, '');
}

const text = (id: keyof CustomerRowData & string, label: string, width: number, editable = true): Col => ({
  id,
  label,
  width,
  value: (r) => r[id] as JsonValue,
  ...(editable ? { edit: edit(id) } : {}),
});

/** The Customers screen's columns. The group column shows names and stores ids (column.parse). */
export function customerColumns(groups: GroupLookup): Col[] {
  return [
    { id: 'id', label: 'ID', width: 72, numeric: true, pinned: true, value: (r) => r.id },
    text('first_name', 'First name', 120),
    text('last_name', 'Last name', 120),
    text('email', 'Email', 230),
    text('company', 'Company', 150),
    text('phone', 'Phone', 120),
    {
      id: 'customer_group_id',
      label: 'Customer group',
      width: 130,
      value: (r) => r.customer_group_id,
      format: (v) => groupText(groups, v),
      parse: (t) => groupIdText(groups, t),
      edit: edit('customer_group_id'),
      filter: 'enum',
      options: [NO_GROUP, ...groups.options],
    },
    text('notes', 'Notes', 160),
    text('tax_exempt_category', 'Tax-exempt category', 130),
    {
      id: 'accepts_product_review_abandoned_cart_emails',
      label: 'Accepts marketing',
      width: 96,
      value: (r) => r.accepts_product_review_abandoned_cart_emails,
      format: yesNo,
      edit: edit('accepts_product_review_abandoned_cart_emails'),
      filter: 'enum',
      options: ['true', 'false'],
    },
    { id: 'store_credit', label: 'Store credit', width: 96, numeric: true, value: (r) => r.store_credit },
    { id: 'date_created', label: 'Date created', width: 150, value: (r) => r.date_created, format: dateTime, filter: 'date' },
    { id: 'date_modified', label: 'Date modified', width: 150, value: (r) => r.date_modified, format: dateTime, filter: 'date' },
  ];
}
