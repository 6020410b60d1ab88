import { useEffect, useState } from 'react';
import type { StoreProfile } from '../../../../shared/contract';
import { budgetAt } from '../../app/budget-clock';
import { useBudget } from './useBudget';

interface Props {
  store: StoreProfile;
  active: boolean;
  /** 1-9: its Ctrl+N shortcut; null past the ninth store. */
  position: number | null;
  onSelect(): void;
}

/** How the platform writes the switch shortcut's modifier: ⌘1 on macOS, Ctrl+1 elsewhere. */
const MODIFIER = /Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘' : 'Ctrl+';

function useSeconds(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** The store's rate-limit budget right now (the window rolls over between reports), or null before its first call. */
function BudgetText({ storeId }: { storeId: string }) {
  const { data } = useBudget(storeId);
  const now = useSeconds();
  if (!data || data.quota === null) return null;
  const { left } = budgetAt(data, now);
  return <span title="API requests left in this store's current rate-limit window">API {left ?? '?'}/{data.quota}</span>;
}

/** One store in the switcher: colour, name, plan and currency (what its connection test learned), live budget, shortcut. */
export function StoreItem({ store, active, position, onSelect }: Props) {
  const info = store.connection;
  const metaId = `store-meta-${store.id}`;
  return (
    <button
      type="button"
      className={`store-item${active ? ' active' : ''}`}
      aria-current={active ? 'true' : undefined}
      aria-label={store.name}
      aria-describedby={metaId}
      aria-keyshortcuts={position ? `Control+${position}` : undefined}
      onClick={() => !active && onSelect()}
      title={`${store.name} — ${store.storeHash}${position ? ` (${MODIFIER}${position})` : ''}`}
    >
      <span className="store-dot" style={{ background: store.color }} aria-hidden />
      <span className="store-text">
        <span className="store-name">{store.name}</span>
        <span className="store-meta" id={metaId}>
          {store.isDemo && <span className="badge">demo</span>}
          {info ? (
            <span>
              {info.planName || 'plan unknown'} · {info.currency}
            </span>
          ) : (
            <span>not tested yet</span>
          )}
          <BudgetText storeId={store.id} />
        </span>
      </span>
      {position && (
        <kbd className="store-key" aria-hidden>
          {MODIFIER}
          {position}
        </kbd>
      )}
    </button>
  );
}
