import { useWebhookEvents } from './useWebhooks';

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** The receiver's live feed for this store, newest first. */
export function EventsPanel({ storeId }: { storeId: string }) {
  const { data: events, error } = useWebhookEvents(storeId);
  return (
    <section className="webhooks-events" aria-labelledby="events-heading">
      <h2 id="events-heading">Events</h2>
      <p className="muted small">Deliveries Stockroom’s receiver accepted for this store (duplicates left out), newest first.</p>
      {error && <p className="error-text">{error.message}</p>}
      {events && events.length === 0 && <p className="muted">No events yet. Change something on the store and it appears here.</p>}
      <ol className="webhooks-feed" aria-label="Live events" aria-live="polite">
        {events?.map((e) => (
          <li key={`${e.hash}-${e.receivedAt}`}>
            <time dateTime={e.receivedAt}>{time.format(new Date(e.receivedAt))}</time>
            <code>{e.scope}</code>
            <span>{e.resourceType !== null && e.resourceId !== null ? `${e.resourceType} #${e.resourceId}` : '—'}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
