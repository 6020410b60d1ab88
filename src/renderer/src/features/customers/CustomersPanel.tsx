import { useActiveStore } from '../stores/StoreSwitcher';
import { useCustomersSyncProgress } from './customers-sync-store';
import { useCustomersStatus, useCustomersSync } from './useCustomers';

/** The customers cache of the active store: what it holds, when it was synced, and the sync itself. */
export function CustomersPanel({ actions }: { actions?: React.ReactNode }) {
  const store = useActiveStore();
  const status = useCustomersStatus(store?.id);
  const sync = useCustomersSync(store?.id);
  const progress = useCustomersSyncProgress(store?.id);
  const busy = sync.isPending || progress !== null;
  const data = status.data;
  return (
    <div className="catalog-panel" aria-label="Customers cache">
      <div className="catalog-summary">
        {data?.syncedAt ? (
          <span>
            <strong>{data.customers.toLocaleString()}</strong> customers · synced <time dateTime={data.syncedAt}>{new Date(data.syncedAt).toLocaleString()}</time>
          </span>
        ) : (
          <span className="muted">{status.isPending ? 'Reading the local cache…' : 'The customers have not been loaded on this computer yet.'}</span>
        )}
        <span className="spacer" />
        {actions}
        <button type="button" className="button" disabled={busy || !store} onClick={() => sync.mutate('refresh')}>
          {data?.syncedAt ? 'Refresh' : 'Load customers'}
        </button>
        <button type="button" className="button" disabled={busy || !store || !data?.syncedAt} onClick={() => sync.mutate('full')}>
          Full reload
        </button>
      </div>
      {busy && (
        <div className="catalog-progress" role="status" aria-label="Customers sync progress">
          <span className="meter wide">
            <span className="meter-fill" style={{ width: `${progress && progress.total ? (100 * progress.loaded) / progress.total : 0}%` }} />
          </span>
          <span className="muted">{progress ? `Loading customers: ${progress.loaded.toLocaleString()} of ${progress.total.toLocaleString()}` : 'Starting…'}</span>
        </div>
      )}
    </div>
  );
}
