import type { PaperSize } from '../../../../shared/contract/print';
import { DEFAULT_STATUS_IDS, usePrint, type PrintKind, type PrintRequest } from './print-store';
import { ORDER_STATUS_CHOICES, statusNames } from './statuses';

const KINDS: ReadonlyArray<{ id: PrintKind; label: string }> = [
  { id: 'pickList', label: 'Pick list' },
  { id: 'packingSlips', label: 'Packing slips' },
];

/** What to print: the document, which orders (chosen ones or statuses), zones, paper. */
export function PrintControls({ request }: { request: PrintRequest }) {
  const { paper, setPaper, groupByZone, setGroupByZone, setRequest } = usePrint();
  const statusIds = request.statusIds ?? DEFAULT_STATUS_IDS;
  const toggleStatus = (id: number, on: boolean) => {
    const next = on ? [...statusIds, id] : statusIds.filter((s) => s !== id);
    if (next.length > 0) setRequest({ kind: request.kind, storeId: request.storeId, statusIds: next.sort((a, b) => a - b) });
  };
  return (
    <div className="print-controls" role="group" aria-label="Print options">
      <div className="segmented" role="radiogroup" aria-label="Document">
        {KINDS.map((k) => (
          <button key={k.id} type="button" role="radio" aria-checked={request.kind === k.id} className={request.kind === k.id ? 'active' : ''} onClick={() => setRequest({ ...request, kind: k.id })}>
            {k.label}
          </button>
        ))}
      </div>
      {request.orderIds ? (
        <span className="print-chosen">
          {request.orderIds.length === 1 ? '1 chosen order' : `${request.orderIds.length} chosen orders`}
          <button type="button" className="button small" onClick={() => setRequest({ kind: request.kind, storeId: request.storeId, statusIds: DEFAULT_STATUS_IDS })}>
            Use statuses instead
          </button>
        </span>
      ) : (
        <details className="print-statuses">
          <summary>Statuses: {statusNames(statusIds)}</summary>
          <fieldset>
            <legend>Orders in status</legend>
            {ORDER_STATUS_CHOICES.map((s) => (
              <label key={s.id} className="print-check">
                <input type="checkbox" checked={statusIds.includes(s.id)} onChange={(e) => toggleStatus(s.id, e.target.checked)} />
                {s.name}
              </label>
            ))}
          </fieldset>
        </details>
      )}
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
