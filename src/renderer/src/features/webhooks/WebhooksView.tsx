import { useActiveStore } from '../stores/StoreSwitcher';
import { CreateHookForm } from './CreateHookForm';
import { EventsPanel } from './EventsPanel';
import { HooksTable } from './HooksTable';
import { ReceiverPanel } from './ReceiverPanel';
import { useHooks, useReceiver } from './useWebhooks';
import './webhooks.css';

/** Webhooks: the store's hooks, Stockroom's receiver, and the live feed of what it received. */
export function WebhooksView() {
  const store = useActiveStore();
  if (!store) return <p className="panel-message">Select a store.</p>;
  return <StoreWebhooks key={store.id} storeId={store.id} />;
}

function StoreWebhooks({ storeId }: { storeId: string }) {
  const { data, error, isPending, refetch, isFetching } = useHooks(storeId);
  const { data: receiver } = useReceiver(storeId);
  return (
    <div className="webhooks">
      <section aria-labelledby="hooks-heading" className="webhooks-section webhooks-hooks">
        <div className="webhooks-heading">
          <h2 id="hooks-heading">Hooks</h2>
          <span className="spacer" />
          <button type="button" className="button small" onClick={() => void refetch()} disabled={isFetching}>
            {isFetching ? 'Refreshing…' : 'Refresh'}
          </button>
        </div>
        {isPending && <p className="muted">Loading the store’s webhooks…</p>}
        {error && (
          <p className="form-error" role="alert">
            {error.message}
          </p>
        )}
        {data && <HooksTable storeId={storeId} hooks={data.hooks} />}
      </section>
      <EventsPanel storeId={storeId} />
      {receiver && <CreateHookForm storeId={storeId} receiver={receiver} />}
      {receiver && <ReceiverPanel storeId={storeId} receiver={receiver} />}
    </div>
  );
}
