import { useOrdersProgress } from '../../api/live-store';
import type { OrdersStatus } from '../../../../shared/contract';
import { useOrdersRefresh } from './useOrders';

/** The orders cache of the active store: what it holds, when it was loaded, and the load itself. */
export function OrdersPanel({ storeId, status, pending }: { storeId: string | undefined; status: OrdersStatus | undefined; pending: boolean }) {
  const refresh = useOrdersRefresh(storeId);
  const progress = useOrdersProgress(storeId);
  const busy = refresh.isPending || progress !== null;
  return (
    <div className="catalog-panel" aria-label="Orders cache">
      <div className="catalog-summary">
        {status?.syncedAt ? (
          <span>
            <strong>{status.orders.toLocaleString()}</strong> orders · loaded <time dateTime={status.syncedAt}>{new Date(status.syncedAt).toLocaleString()}</time>
          </span>
        ) : (
          <span className="muted">{pending ? 'Reading the local cache…' : 'The orders have not been loaded on this computer yet.'}</span>
        )}
        <span className="spacer" />
        <button type="button" className="button" disabled={busy || !storeId} onClick={() => refresh.mutate('refresh')}>
          {status?.syncedAt ? 'Refresh' : 'Load orders'}
        </button>
        <button type="button" className="button" disabled={busy || !storeId || !status?.syncedAt} onClick={() => refresh.mutate('full')}>
          Full reload
        </button>
      </div>
      {busy && (
        <div className="catalog-progress" role="status" aria-label="Orders load progress">
          <span className="meter wide">
            <span className="meter-fill" style={{ width: `${progress && progress.total ? (100 * progress.loaded) / progress.total : 0}%` }} />
          </span>
          <span className="muted">{progress ? `Loading orders: ${progress.loaded.toLocaleString()} of ${progress.total.toLocaleString()}` : 'Fetching changes…'}</span>
        </div>
      )}
    </div>
  );
}
