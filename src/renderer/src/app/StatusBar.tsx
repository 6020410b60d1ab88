import { useQuery } from '@tanstack/react-query';
import { call, hostMode } from '../api/client';
import { queryKey } from '../api/queries';
import { useActiveStore } from '../features/stores/StoreSwitcher';

/** Reserved for the active store's live rate-limit budget and the running jobs. */
export function StatusBar() {
  const store = useActiveStore();
  const info = useQuery({ queryKey: queryKey('app.getInfo'), queryFn: () => call('app.getInfo', {}) });
  return (
    <footer className="status-bar" aria-label="Status">
      <span className="status-item" data-testid="status-store">
        {store ? (
          <>
            <span className="store-dot" style={{ background: store.color }} aria-hidden /> {store.name}
            <span className="muted"> · {store.storeHash}</span>
          </>
        ) : (
          'No store selected'
        )}
      </span>
      <span className="status-item" data-testid="status-rate-limit" title="API requests left in the current window">
        API budget: <span className="muted">—</span>
      </span>
      <span className="status-item" data-testid="status-jobs">
        Jobs: <span className="muted">none running</span>
      </span>
      <span className="status-spacer" />
      <span className="status-item muted">
        {info.data ? `Stockroom ${info.data.version} · ${hostMode === 'electron' ? 'desktop' : 'browser mode'}` : ''}
      </span>
    </footer>
  );
}
