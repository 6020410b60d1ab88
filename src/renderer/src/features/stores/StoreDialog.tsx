import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { ConnectionInfo, StoreList, StoreProfile } from '../../../../shared/contract';
import { call } from '../../api/client';
import { queryKey } from '../../api/queries';
import { Dialog } from '../../components/Dialog';
import { useToasts } from '../../components/toast-store';
import { formErrorText, splitDetails } from './form-error';
import { Details } from '../../components/Details';
import { useSelectStore } from './useStores';

interface Props {
  /** Edit this profile; add a new one when absent. */
  store?: StoreProfile;
  onClose(): void;
}

const AREA_LABELS: Record<string, string> = {
  products: 'Products',
  orders: 'Orders',
  customers: 'Customers',
  information: 'Store information',
  webhooks: 'Webhooks',
};

export function StoreDialog({ store, onClose }: Props) {
  const client = useQueryClient();
  const push = useToasts((s) => s.push);
  const [name, setName] = useState(store?.name ?? '');
  const [storeHash, setStoreHash] = useState(store?.storeHash ?? '');
  const [token, setToken] = useState('');
  const [apiOrigin, setApiOrigin] = useState(store?.apiOrigin ?? 'https://api.bigcommerce.com');
  const [tested, setTested] = useState<ConnectionInfo | null>(store?.connection ?? null);
  const isDemo = store?.isDemo ?? false;

  const draft = () => ({
    storeHash: storeHash.trim(),
    apiOrigin: apiOrigin.trim() || undefined,
  });

  const test = useMutation({
    mutationFn: () => (store && !token ? call('stores.testConnection', { id: store.id }) : call('stores.testCredentials', { ...draft(), token })),
    onSuccess: setTested,
    onError: () => setTested(null),
  });

  const select = useSelectStore();
  const save = useMutation({
    mutationFn: () => {
      if (!store) return call('stores.add', { name, ...draft(), token });
      if (isDemo) return call('stores.update', { id: store.id, name });
      const changed = { name, ...(draft().storeHash !== store.storeHash ? { storeHash: draft().storeHash } : {}), ...(draft().apiOrigin !== store.apiOrigin ? { apiOrigin: draft().apiOrigin } : {}) };
      return call('stores.update', { id: store.id, ...changed, ...(token ? { token } : {}) });
    },
    // The ids before the call: stores.changed may bring the new list before this answer does.
    onMutate: () => new Set(client.getQueryData<StoreList>(queryKey('stores.list'))?.stores.map((s) => s.id)),
    onSuccess: (list, _variables, before) => {
      client.setQueryData(queryKey('stores.list'), list);
      push('success', store ? `Saved “${name}”.` : `Added “${name}”. Its token is in the OS keychain.`);
      // A store just added is the one the merchant means to work on.
      const added = store ? undefined : list.stores.find((s) => !before.has(s.id));
      if (added && added.id !== list.activeStoreId) select.mutate(added.id);
      onClose();
    },
  });

  const remove = useMutation({
    mutationFn: () => call('stores.remove', { id: store!.id }),
    onSuccess: (list) => {
      client.setQueryData(queryKey('stores.list'), list);
      push('info', `Removed “${store!.name}”${store!.isDemo ? '' : ' and its keychain entry'}.`);
      onClose();
    },
  });

  const error = save.error ?? test.error ?? remove.error;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <Dialog
      title={store ? `Edit ${store.name}` : 'Add a store'}
      onClose={onClose}
      footer={
        <>
          {store && (
            <button type="button" className="button danger" onClick={() => window.confirm(`Remove “${store.name}”?`) && remove.mutate()} disabled={remove.isPending}>
              Remove
            </button>
          )}
          <span className="spacer" />
          {!isDemo && (
            <button type="button" className="button" onClick={() => test.mutate()} disabled={test.isPending || !storeHash || (!store && !token)}>
              {test.isPending ? 'Testing…' : 'Test connection'}
            </button>
          )}
          <button type="submit" form="store-form" className="button primary" disabled={save.isPending}>
            {save.isPending ? 'Testing and saving…' : store ? 'Save' : 'Add store'}
          </button>
        </>
      }
    >
      <form id="store-form" className="form" onSubmit={submit}>
        <label>
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} autoFocus placeholder="e.g. Acme US" />
        </label>
        {!isDemo && (
          <>
            <label>
              Store hash
              <input value={storeHash} onChange={(e) => setStoreHash(e.target.value.trim().toLowerCase())} required placeholder="from stores/{hash} in your API path" spellCheck={false} />
            </label>
            <label>
              Access token
              <input type="password" value={token} onChange={(e) => setToken(e.target.value)} required={!store} autoComplete="off" placeholder={store ? 'leave empty to keep the stored token' : 'X-Auth-Token of a store-level API account'} />
            </label>
            <details>
              <summary>Advanced</summary>
              <label>
                API origin
                <input value={apiOrigin} onChange={(e) => setApiOrigin(e.target.value)} spellCheck={false} />
              </label>
            </details>
            <p className="muted small">The token is tested, then stored in the OS keychain only. Stockroom never shows it again.</p>
          </>
        )}
      </form>
      {error && (
        <p className="form-error" role="alert">
          <FormError error={error} />
        </p>
      )}
      {tested && <ConnectionSummary info={tested} />}
    </Dialog>
  );
}

function FormError({ error }: { error: Error }) {
  const { text, details } = splitDetails(formErrorText(error));
  return (
    <>
      {text}
      {details && <Details text={details} />}
    </>
  );
}

function ConnectionSummary({ info }: { info: ConnectionInfo }) {
  const missing = Object.entries(info.access).filter(([, level]) => level !== 'modify');
  return (
    <div className="connection" role="status" aria-label="Connection test result">
      <div>
        <strong>{info.storeName}</strong> · {info.planName || 'plan unknown'} · {info.currency} ({info.decimalPlaces} decimals)
      </div>
      <ul role="list" className="access-list">
        {Object.entries(info.access).map(([area, level]) => (
          <li key={area} className={`access access-${level}`}>
            {AREA_LABELS[area] ?? area}: {level === 'modify' ? 'read and write' : level === 'read' ? 'read only' : 'no access'}
          </li>
        ))}
      </ul>
      {missing.length > 0 && <p className="warning-text">Some areas are limited by the token’s scopes; Stockroom will not offer edits there.</p>}
    </div>
  );
}
