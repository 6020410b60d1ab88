import { useState, type FormEvent } from 'react';
import type { JobEdit, OrderRowData, OrderStatus } from '../../../../shared/contract';
import { call } from '../../api/client';
import { Dialog } from '../../components/Dialog';

interface Props {
  storeId: string;
  orders: readonly OrderRowData[];
  statuses: readonly OrderStatus[];
  onDone(message: string): void;
  onClose(): void;
}

/**
 * A batch status change is staged like any edit (status_id from → to per order): the review
 * panel names each order, Apply runs it as a bulk job with per-order results, and the job's undo
 * puts each order back to the status it had.
 */
export function StatusDialog({ storeId, orders, statuses, onDone, onClose }: Props) {
  const [statusId, setStatusId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const changing = statusId === null ? [] : orders.filter((o) => o.status_id !== statusId);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (statusId === null || changing.length === 0) return;
    setBusy(true);
    const edits: JobEdit[] = changing.map((o) => ({ entity: 'order', id: o.id, field: 'status_id', from: o.status_id, to: statusId }));
    try {
      await call('staging.stage', { storeId, edits });
      const name = statuses.find((s) => s.id === statusId)?.name ?? '';
      onDone(`${edits.length} ${edits.length === 1 ? 'order' : 'orders'} staged to move to ${name}: review and apply them below.`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };
  const n = orders.length;
  return (
    <Dialog
      title={`Change the status of ${n} ${n === 1 ? 'order' : 'orders'}`}
      onClose={onClose}
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="status-form" className="button primary" disabled={busy || changing.length === 0}>
            Stage {changing.length} {changing.length === 1 ? 'change' : 'changes'}
          </button>
        </>
      }
    >
      <form id="status-form" className="form" onSubmit={submit}>
        <label>
          New status
          <select value={statusId ?? ''} onChange={(e) => setStatusId(e.target.value === '' ? null : Number(e.target.value))} required>
            <option value="">Choose a status…</option>
            {statuses.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        {statusId !== null && changing.length < n && (
          <p className="muted small">{n - changing.length} of the selected orders already have this status and stay as they are.</p>
        )}
        <p className="muted small">Nothing reaches the store until you apply the staged changes.</p>
        {error && <p className="form-error" role="alert">{error}</p>}
      </form>
    </Dialog>
  );
}
