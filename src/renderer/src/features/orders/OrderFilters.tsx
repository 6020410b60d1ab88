import { useState } from 'react';
import type { OrderStatus } from '../../../../shared/contract';
import { activeFilters, type OrderFilter } from '../../../../shared/orders/filter';

interface Props {
  statuses: readonly OrderStatus[];
  filter: OrderFilter;
  onChange(filter: OrderFilter): void;
}

/** A local date ("2026-03-01") → the instant its day starts or ends, here. */
const dayStart = (d: string) => (d ? new Date(`${d}T00:00:00`).toISOString() : undefined);
const dayEnd = (d: string) => (d ? new Date(`${d}T23:59:59.999`).toISOString() : undefined);
const dayOf = (iso: string | undefined) => {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const intOrUndefined = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : undefined);

/** The API's own order filters (see shared/orders/filter.ts), over the local cache. */
export function OrderFilters({ statuses, filter, onChange }: Props) {
  const [open, setOpen] = useState(false);
  // The typed fields keep their own text; a new generation empties them when the filters are cleared.
  const [generation, setGeneration] = useState(0);
  const set = (patch: Partial<OrderFilter>) => onChange({ ...filter, ...patch });
  const chosen = new Set(filter.statusIds ?? []);
  const toggle = (id: number) => set({ statusIds: chosen.has(id) ? [...chosen].filter((x) => x !== id) : [...chosen, id] });
  const customer = filter.customerId !== undefined ? String(filter.customerId) : (filter.email ?? '');
  const count = activeFilters(filter);
  return (
    <div className="order-filters" role="group" aria-label="Order filters">
      <div className="status-chips" role="group" aria-label="Statuses">
        {statuses.map((s) => (
          <button key={s.id} type="button" className={`chip-toggle${chosen.has(s.id) ? ' on' : ''}`} aria-pressed={chosen.has(s.id)} onClick={() => toggle(s.id)}>
            {s.name}
          </button>
        ))}
      </div>
      <button type="button" className="button small" aria-expanded={open} onClick={() => setOpen(!open)}>
        More filters{count > 0 ? ` (${count})` : ''}
      </button>
      {count > 0 && (
        <button type="button" className="link-button" onClick={() => (onChange({}), setGeneration(generation + 1))}>
          Clear filters
        </button>
      )}
      {open && (
        <div className="filter-fields" key={generation}>
          <label>
            Created from
            <input type="date" value={dayOf(filter.createdFrom)} onChange={(e) => set({ createdFrom: dayStart(e.target.value) })} />
          </label>
          <label>
            Created to
            <input type="date" value={dayOf(filter.createdTo)} onChange={(e) => set({ createdTo: dayEnd(e.target.value) })} />
          </label>
          <label>
            Customer id or email
            <input
              type="search"
              defaultValue={customer}
              onChange={(e) => {
                const v = e.target.value.trim();
                set(v.includes('@') ? { email: v, customerId: undefined } : { customerId: intOrUndefined(v), email: undefined });
              }}
            />
          </label>
          <label>
            Total from
            <input inputMode="decimal" defaultValue={filter.minTotal ?? ''} onChange={(e) => set({ minTotal: e.target.value.trim() || undefined })} />
          </label>
          <label>
            Total to
            <input inputMode="decimal" defaultValue={filter.maxTotal ?? ''} onChange={(e) => set({ maxTotal: e.target.value.trim() || undefined })} />
          </label>
          <label>
            Order from
            <input inputMode="numeric" defaultValue={filter.minId ?? ''} onChange={(e) => set({ minId: intOrUndefined(e.target.value) })} />
          </label>
          <label>
            Order to
            <input inputMode="numeric" defaultValue={filter.maxId ?? ''} onChange={(e) => set({ maxId: intOrUndefined(e.target.value) })} />
          </label>
        </div>
      )}
    </div>
  );
}
