import { useState } from 'react';
import { call } from '../../api/client';
import { useToasts } from '../../components/toast-store';
import { useOrderStatuses } from '../orders/useOrderStatuses';
import { PRINT_STATUS_IDS } from './statuses';

/** After picking and packing, orders usually wait for the carrier. */
const DEFAULT_TARGET = 9;

/**
 * After printing: move the printed orders to a status, as a bulk job like any other edit (staged,
 * then applied; Activity shows its progress and undoes it). `from` is each order's status when the
 * document was built, so an order someone moved meanwhile is reported as a conflict, not overwritten.
 */
export function MoveOrders({ storeId, orders }: { storeId: string; orders: ReadonlyArray<{ orderId: number; statusId: number }> }) {
  const [to, setTo] = useState(DEFAULT_TARGET);
  const [busy, setBusy] = useState(false);
  const push = useToasts((s) => s.push);
  const naming = useOrderStatuses(storeId);
  const movable = orders.filter((o) => o.statusId !== to);
  const move = async () => {
    const edits = movable.map((o) => ({ entity: 'order' as const, id: o.orderId, field: 'status_id', from: o.statusId, to }));
    setBusy(true);
    try {
      await call('staging.stage', { storeId, edits, rebase: true });
      const keys = edits.map((e) => `order:${e.id}:status_id`);
      await call('staging.apply', { storeId, title: `Printed orders → ${naming.name(to)}`, keys });
      push('info', `Moving ${movable.length === 1 ? '1 order' : `${movable.length} orders`} to ${naming.name(to)}: progress and Undo in Activity.`);
    } catch (error) {
      push('error', error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="print-move"
      aria-label="After printing"
      onSubmit={(e) => {
        e.preventDefault();
        void move();
      }}
    >
      <label>
        Then move to
        <select value={to} onChange={(e) => setTo(Number(e.target.value))}>
          {PRINT_STATUS_IDS.map((id) => (
            <option key={id} value={id}>
              {naming.name(id)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button" disabled={busy || movable.length === 0}>
        {movable.length === 1 ? 'Move 1 order' : `Move ${movable.length} orders`}
      </button>
    </form>
  );
}
