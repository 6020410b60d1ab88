import { useState, type FormEvent } from 'react';
import type { PaperSize } from '../../../../shared/contract/print';
import { parseOrderIds } from './order-ids';
import { DEFAULT_STATUS_IDS, usePrint, type PrintKind, type PrintRequest } from './print-store';
import { useOrderStatuses } from '../orders/useOrderStatuses';
import { PRINT_STATUS_IDS } from './statuses';

const KINDS: ReadonlyArray<{ id: PrintKind; label: string }> = [
  { id: 'pickList', label: 'Pick list' },
  { id: 'packingSlips', label: 'Packing slips' },
];

/** What to print: the document, which orders (chosen ones or statuses), zones, paper. */
export function PrintControls({ request }: { request: PrintRequest }) {
  const { paper, setPaper, groupByZone, setGroupByZone, setRequest } = usePrint();
  return (
    <div className="print-controls" role="group" aria-label="Print options">
      <div className="segmented" role="radiogroup" aria-label="Document">
        {KINDS.map((k) => (
          <button key={k.id} type="button" role="radio" aria-checked={request.kind === k.id} className={request.kind === k.id ? 'active' : ''} onClick={() => setRequest({ ...request, kind: k.id })}>
            {k.label}
          </button>
        ))}
      </div>
      <OrderScope request={request} />
      {request.kind === 'pickList' && (
        <label className="print-check">
          <input type="checkbox" checked={groupByZone} onChange={(e) => setGroupByZone(e.target.checked)} />
          Group by zone
        </label>
      )}
      <label className="print-paper">
        Paper
        <select value={paper} onChange={(e) => setPaper(e.target.value as PaperSize)}>
          <option value="A4">A4</option>
          <option value="Letter">Letter</option>
        </select>
      </label>
    </div>
  );
}

/** Which orders: chosen ones (from the Orders grid, or typed here) or every order in some statuses. */
function OrderScope({ request }: { request: PrintRequest }) {
  const setRequest = usePrint((s) => s.setRequest);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const naming = useOrderStatuses(request.storeId);
  const statusIds = request.statusIds ?? DEFAULT_STATUS_IDS;
  const toggleStatus = (id: number, on: boolean) => {
    const next = on ? [...statusIds, id] : statusIds.filter((s) => s !== id);
    if (next.length > 0) setRequest({ kind: request.kind, storeId: request.storeId, statusIds: next.sort((a, b) => a - b) });
  };
  if (request.orderIds) {
    return (
      <span className="print-chosen">
        {request.orderIds.length === 1 ? '1 chosen order' : `${request.orderIds.length} chosen orders`}
        <button type="button" className="button small" onClick={() => setRequest({ kind: request.kind, storeId: request.storeId, statusIds: DEFAULT_STATUS_IDS })}>
          Use statuses instead
        </button>
      </span>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseOrderIds(typed);
    setError(parsed.ok ? null : parsed.error);
    if (parsed.ok) setRequest({ kind: request.kind, storeId: request.storeId, orderIds: parsed.ids });
  };
  return (
    <>
      <details className="print-statuses">
        <summary>Statuses: {naming.names(statusIds)}</summary>
        <fieldset>
          <legend>Orders in status</legend>
          {PRINT_STATUS_IDS.map((id) => (
            <label key={id} className="print-check">
              <input type="checkbox" checked={statusIds.includes(id)} onChange={(e) => toggleStatus(id, e.target.checked)} />
              {naming.name(id)}
            </label>
          ))}
        </fieldset>
      </details>
      <form className="print-orders-form" onSubmit={submit}>
        <input
          aria-label="Order numbers"
          placeholder="Orders: 101, 105-110"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'print-orders-error' : undefined}
        />
        <button type="submit" className="button small">
          Use these orders
        </button>
        {error && (
          <span id="print-orders-error" className="print-orders-error" role="alert">
            {error}
          </span>
        )}
      </form>
    </>
  );
}
