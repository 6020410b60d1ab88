import { z } from 'zod';
import { fieldSpec, valueProblem, type JsonValue } from '../../../shared/contract';
import type { CustomersCacheMeta } from './cache-file';
import type { CustomerRow } from './normalize';

/** One store's customers in memory: rows by id, plus the id-sorted array handed out, rebuilt only after a change. */
export interface CustomersState {
  meta: CustomersCacheMeta;
  byId: Map<number, CustomerRow>;
  ordered: CustomerRow[] | null;
}

export function createState(meta: CustomersCacheMeta, rows: Iterable<CustomerRow>): CustomersState {
  return { meta, byId: new Map([...rows].map((row) => [row.id, row])), ordered: null };
}

export function orderedRows(state: CustomersState): CustomerRow[] {
  state.ordered ??= [...state.byId.values()].sort((a, b) => a.id - b.id);
  return state.ordered;
}

export function upsertRows(state: CustomersState, rows: Iterable<CustomerRow>): number {
  let count = 0;
  for (const row of rows) {
    state.byId.set(row.id, row);
    count++;
  }
  if (count) state.ordered = null;
  return count;
}

/** An edit a job applied (JobEdit-compatible); only customer edits are taken. */
export const CustomerEdit = z.object({ entity: z.string(), id: z.number().int().positive(), field: z.string(), to: z.custom<JsonValue>() });
export type CustomerEdit = z.infer<typeof CustomerEdit>;

/** Fields of the row an edit may change: the job's editable customer fields that the row keeps. */
const ROW_FIELDS = new Set<string>(['first_name', 'last_name', 'email', 'company', 'phone', 'customer_group_id', 'notes', 'tax_exempt_category', 'accepts_product_review_abandoned_cart_emails']);

/**
 * Patch rows with applied edits; returns the ids of rows that changed. A value that does not fit
 * its field (it passed the job, so this is a bug elsewhere) is skipped rather than cached wrong.
 */
export function applyEdits(state: CustomersState, edits: readonly CustomerEdit[]): number[] {
  const changed = new Map<number, Record<string, unknown>>();
  for (const edit of edits) {
    const spec = edit.entity === 'customer' ? fieldSpec('customer', edit.field) : undefined;
    if (!spec || !ROW_FIELDS.has(edit.field) || valueProblem(spec, edit.to) !== null) continue;
    const row = changed.get(edit.id) ?? (state.byId.has(edit.id) ? { ...state.byId.get(edit.id)! } : null);
    if (!row) continue;
    row[edit.field] = edit.to;
    changed.set(edit.id, row);
  }
  upsertRows(state, [...changed.values()] as unknown as CustomerRow[]);
  return [...changed.keys()];
}

/** Customers of a deleted group end up in no group (customers.v2.yml deleteCustomerGroup). */
export function unassignGroup(state: CustomersState, groupId: number): number[] {
  const rows = [...state.byId.values()].filter((row) => row.customer_group_id === groupId).map((row) => ({ ...row, customer_group_id: 0 }));
  upsertRows(state, rows);
  return rows.map((row) => row.id);
}
