import { useSelectStore, useStoreList } from './useStores';

export function StoreSwitcher() {
  const { data, isPending, error } = useStoreList();
  const select = useSelectStore();
  if (isPending) return <div className="store-switcher muted">Loading stores…</div>;
  if (error) return <div className="store-switcher error-text">{error.message}</div>;
  return (
    <nav className="store-switcher" aria-label="Stores">
      <div className="sidebar-heading">Stores</div>
      <ul role="list">
        {data.stores.map((store) => {
          const active = store.id === data.activeStoreId;
          return (
            <li key={store.id}>
              <button
                type="button"
                className={`store-item${active ? ' active' : ''}`}
                aria-current={active ? 'true' : undefined}
                onClick={() => !active && select.mutate(store.id)}
                title={`${store.name} — ${store.storeHash}`}
              >
                <span className="store-dot" style={{ background: store.color }} aria-hidden />
                <span className="store-name">{store.name}</span>
                {store.isDemo && <span className="badge">demo</span>}
              </button>
            </li>
          );
        })}
      </ul>
      {data.keychain.status === 'unavailable' && (
        <p className="warning-text" role="status">
          Keychain unavailable: {data.keychain.message}
        </p>
      )}
    </nav>
  );
}

export function useActiveStore() {
  const { data } = useStoreList();
  return data?.stores.find((s) => s.id === data.activeStoreId) ?? null;
}
