import { useSyncProgress } from '../../api/live-store';
import { useActiveStore } from '../stores/StoreSwitcher';
import { useCatalogStatus, useCatalogSync } from './useCatalog';

const PHASES = { full: 'Loading every product', delta: 'Fetching changes', reconcile: 'Checking for deleted products' } as const;

/** The catalog cache of the active store: what it holds, when it was synced, and the sync itself. */
export function CatalogPanel() {
  const store = useActiveStore();
  const status = useCatalogStatus(store?.id);
  const sync = useCatalogSync(store?.id);
  const progress = useSyncProgress(store?.id);
  const busy = sync.isPending || progress !== null;
  const data = status.data;
  return (
    <div className="catalog-panel" aria-label="Catalog cache">
      <div className="catalog-summary">
        {data?.syncedAt ? (
          <span>
            <strong>{data.products.toLocaleString()}</strong> products · <strong>{data.variants.toLocaleString()}</strong> variants · synced{' '}
            <time dateTime={data.syncedAt}>{new Date(data.syncedAt).toLocaleString()}</time>
          </span>
        ) : (
          <span className="muted">{status.isPending ? 'Reading the local cache…' : 'The catalog has not been loaded on this computer yet.'}</span>
        )}
        <span className="spacer" />
        <button type="button" className="button" disabled={busy || !store} onClick={() => sync.mutate('refresh')}>
          {data?.syncedAt ? 'Refresh' : 'Load catalog'}
        </button>
        <button type="button" className="button" disabled={busy || !store || !data?.syncedAt} onClick={() => sync.mutate('full')}>
          Full reload
        </button>
      </div>
      {busy && (
        <div className="catalog-progress" role="status" aria-label="Catalog sync progress">
          <span className="meter wide">
            <span className="meter-fill" style={{ width: `${progress && progress.total ? (100 * progress.loaded) / progress.total : 0}%` }} />
          </span>
          <span className="muted">
            {progress ? `${PHASES[progress.phase]}: ${progress.loaded.toLocaleString()} of ${progress.total.toLocaleString()}` : 'Starting…'}
          </span>
        </div>
      )}
    </div>
  );
}
