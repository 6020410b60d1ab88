import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { call, hostMode } from '../api/client';
import { queryKey } from '../api/queries';
import { useActiveStore } from '../features/stores/StoreSwitcher';
import { useBudget } from '../features/stores/useBudget';
import { useJobs } from '../features/jobs/useJobs';
import { formatDuration } from '../features/jobs/format';
import { budgetAt } from './budget-clock';
import { useUi } from './ui-store';

function JobsIndicator({ storeId }: { storeId: string | undefined }) {
  const { data: jobs } = useJobs(storeId);
  const go = useUi((s) => s.go);
  const running = (jobs ?? []).filter((j) => j.status === 'running' || j.status === 'queued' || j.status === 'paused');
  const current = running[0];
  return (
    <button type="button" className="status-item status-button" data-testid="status-jobs" onClick={() => go('activity')}>
      Jobs:{' '}
      {current ? (
        <>
          <span className="meter" aria-hidden>
            <span className="meter-fill" style={{ width: `${current.total ? (100 * (current.total - current.pending)) / current.total : 0}%` }} />
          </span>
          {current.title} · {current.total - current.pending}/{current.total}
          {current.status === 'paused' ? ' · paused' : current.etaMs !== null ? ` · ETA ${formatDuration(current.etaMs)}` : ''}
          {running.length > 1 && <span className="muted"> · +{running.length - 1} more</span>}
        </>
      ) : (
        <span className="muted">none running</span>
      )}
    </button>
  );
}

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function BudgetIndicator({ storeId }: { storeId: string | undefined }) {
  const { data } = useBudget(storeId);
  const now = useNow(1000);
  const { left, resetS } = data ? budgetAt(data, now) : { left: null, resetS: null };
  const known = data && data.quota !== null && left !== null;
  const share = known ? Math.max(0, Math.min(1, left / data.quota!)) : 0;
  return (
    <span className="status-item" data-testid="status-rate-limit" title="API requests left in the store's current rate-limit window (shared with every app on the store)">
      API budget:{' '}
      {known ? (
        <>
          <span className="meter" aria-hidden>
            <span className="meter-fill" style={{ width: `${share * 100}%` }} />
          </span>
          {left}/{data.quota}
          {resetS !== null && <span className="muted">· resets in {resetS}s</span>}
          {data.queued > 0 && <span className="muted">· {data.queued} queued</span>}
        </>
      ) : (
        <span className="muted">no calls yet</span>
      )}
    </span>
  );
}

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
      <BudgetIndicator storeId={store?.id} />
      <JobsIndicator storeId={store?.id} />
      <span className="status-spacer" />
      <span className="status-item muted">
        {info.data ? `Stockroom ${info.data.version} · ${hostMode === 'electron' ? 'desktop' : 'browser mode'}` : ''}
      </span>
    </footer>
  );
}
