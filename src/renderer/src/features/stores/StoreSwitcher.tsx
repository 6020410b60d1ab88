import { useCallback, useMemo, useState } from 'react';
import type { StoreProfile } from '../../../../shared/contract';
import { Details } from '../../components/Details';
import { splitDetails } from './form-error';
import { StoreDialog } from './StoreDialog';
import { StoreItem } from './StoreItem';
import { useStoreShortcuts } from './useStoreShortcuts';
import { useSelectStore, useStoreList } from './useStores';

export function StoreSwitcher() {
  const { data, isPending, error } = useStoreList();
  const select = useSelectStore();
  const [editing, setEditing] = useState<StoreProfile | 'new' | null>(null);
  const ids = useMemo(() => data?.stores.map((s) => s.id) ?? [], [data]);
  const { mutate } = select;
  const pick = useCallback(
    (id: string) => {
      if (id !== data?.activeStoreId) mutate(id);
    },
    [data?.activeStoreId, mutate],
  );
  useStoreShortcuts(ids, pick);
  if (isPending) return <div className="store-switcher muted">Loading stores…</div>;
  if (error) return <div className="store-switcher error-text">{error.message}</div>;
  return (
    <nav className="store-switcher" aria-label="Stores">
      <div className="sidebar-heading">
        Stores
        <button type="button" className="link-button" onClick={() => setEditing('new')}>
          + Add store
        </button>
      </div>
      <ul role="list">
        {data.stores.map((store, i) => (
          <li key={store.id} className="store-row">
            <StoreItem store={store} active={store.id === data.activeStoreId} position={i < 9 ? i + 1 : null} onSelect={() => select.mutate(store.id)} />
            <button type="button" className="icon-button store-edit" aria-label={`Edit ${store.name}`} onClick={() => setEditing(store)}>
              ⋯
            </button>
          </li>
        ))}
      </ul>
      {data.keychain.status === 'unavailable' && <KeychainNotice message={data.keychain.message} />}
      {editing && <StoreDialog store={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </nav>
  );
}

export function useActiveStore() {
  const { data } = useStoreList();
  return data?.stores.find((s) => s.id === data.activeStoreId) ?? null;
}

/** The keychain's own words ("zbus error: …") are for a bug report, not for the sidebar: they sit under Details. */
function KeychainNotice({ message }: { message: string | undefined }) {
  const { text, details } = splitDetails(message ?? '');
  return (
    <details className="keychain-warning" role="status">
      <summary>No OS keychain: tokens cannot be saved</summary>
      {text && <p>{text}</p>}
      {details && <Details text={details} />}
    </details>
  );
}

