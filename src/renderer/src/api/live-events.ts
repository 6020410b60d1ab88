import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { isAtRest, type CatalogJob, type EventName, type JobSummary, type PayloadOf, type WebhookEvent } from '../../../shared/contract';
import { useToasts } from '../components/toast-store';
import { transport, type LiveTransport } from './client';
import { SESSION_EXPIRED_MESSAGE } from './http-transport';
import { useLive } from './live-store';
import { useCustomersSyncStore } from '../features/customers/customers-sync-store';
import { patchCustomerRows, type CustomerRows } from './customer-rows';
import { patchOrderRows, type OrderRows } from './order-rows';
import { patchProductRows, type ProductRows } from './product-rows';
import { queryKey } from './queries';

type Handlers = { [E in EventName]: (payload: PayloadOf<E>) => void };

/**
 * Every main event becomes a query-cache update here, in one place mounted at the root, so each
 * screen's data stays true whether it is on screen or not: events that carry the change patch
 * the cache (setQueryData), those that only say "changed" invalidate. After the event stream
 * comes back from a gap, everything that may have missed an event is fetched again.
 */
export function startLiveEvents(client: QueryClient, source: LiveTransport = transport): () => void {
  const handlers = createHandlers(client);
  const off = source.subscribe((message) => {
    const handle = handlers[message.name as EventName] as ((payload: unknown) => void) | undefined;
    handle?.(message.payload);
  });
  const offStream = source.onStream?.((state) => {
    if (state === 'expired') return useLive.getState().expireSession(SESSION_EXPIRED_MESSAGE);
    useLive.setState({ syncProgress: {}, ordersProgress: {} });
    void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'app.getInfo' });
  });
  return () => {
    off();
    offStream?.();
  };
}

/** Events the Webhooks screen's live feed keeps (newest first). */
const WEBHOOK_FEED_LIMIT = 200;

function createHandlers(client: QueryClient): Handlers {
  const toast = useToasts.getState().push;
  const live = useLive.getState();
  return {
    'app.notified': ({ level, message }) => toast(level, message),
    'stores.changed': (list) => client.setQueryData(queryKey('stores.list'), list),
    'stores.budgetChanged': (budget) => client.setQueryData(queryKey('stores.getBudget', { id: budget.storeId }), budget),
    'catalog.syncProgressed': (progress) => live.setSyncProgress(progress.storeId, progress),
    'catalog.synced': ({ storeId }) => {
      live.setSyncProgress(storeId, null);
      // The status carries syncedAt, which the product rows' key includes: they are read afresh.
      void client.invalidateQueries({ queryKey: queryKey('catalog.getStatus', { storeId }) });
      void client.invalidateQueries({ queryKey: queryKey('compare.matchSkus') });
    },
    'catalog.syncFailed': ({ storeId, message }) => {
      live.setSyncProgress(storeId, null);
      toast('error', `Catalog sync failed: ${message}`);
    },
    'jobs.progressed': (job) => {
      client.setQueryData<JobSummary[]>(queryKey('jobs.list', { storeId: job.storeId }), (jobs) => upsertJob(jobs, job));
      if (isAtRest(job.status)) void client.invalidateQueries({ queryKey: queryKey('jobs.get', { jobId: job.id }) });
    },
    'staging.changed': ({ storeId }) => void client.invalidateQueries({ queryKey: queryKey('staging.list', { storeId }) }),
    'authoring.changed': ({ storeId }) => void client.invalidateQueries({ queryKey: queryKey('authoring.list', { storeId }) }),
    'authoring.progressed': (job) =>
      // In place when listed (an undo's end also re-sends the job it undid, no longer undoable): newest stays first.
      client.setQueryData<CatalogJob[]>(queryKey('authoring.jobs', { storeId: job.storeId }), (jobs) =>
        jobs ? (jobs.some((j) => j.id === job.id) ? jobs.map((j) => (j.id === job.id ? job : j)) : [job, ...jobs]) : jobs,
      ),
    'webhooks.received': (event) =>
      client.setQueryData<WebhookEvent[]>(queryKey('webhooks.listEvents', { storeId: event.storeId }), (list) =>
        list ? [event, ...list].slice(0, WEBHOOK_FEED_LIMIT) : list,
      ),
    'customers.syncProgressed': (progress) => useCustomersSyncStore.getState().set(progress.storeId, progress),
    'customers.synced': ({ storeId }) => {
      useCustomersSyncStore.getState().set(storeId, null);
      void client.invalidateQueries({ queryKey: queryKey('customers.getStatus', { storeId }) });
      void client.invalidateQueries({ queryKey: queryKey('customers.listGroups', { storeId }) });
    },
    'customers.syncFailed': ({ storeId, message }) => {
      useCustomersSyncStore.getState().set(storeId, null);
      toast('error', `Loading the customers failed: ${message}`);
    },
    'orders.syncProgressed': (progress) => live.setOrdersProgress(progress.storeId, progress),
    'orders.synced': ({ storeId }) => {
      live.setOrdersProgress(storeId, null);
      // The status carries syncedAt, which the order rows' key includes: they are read afresh.
      void client.invalidateQueries({ queryKey: queryKey('orders.getStatus', { storeId }) });
    },
    'orders.syncFailed': ({ storeId, message }) => {
      live.setOrdersProgress(storeId, null);
      toast('error', `Loading orders failed: ${message}`);
    },
    'data.rowsChanged': (change) => {
      // Prefix match: the key also holds the syncedAt the rows were read at.
      if (change.entity === 'product') {
        client.setQueriesData<ProductRows>({ queryKey: queryKey('catalog.listProductColumns', { storeId: change.storeId }) }, (current) =>
          current ? patchProductRows(current, change) : current,
        );
        // A comparison reads the catalog caches the change has just reached.
        void client.invalidateQueries({ queryKey: queryKey('compare.matchSkus') });
        return;
      }
      if (change.entity === 'order') {
        client.setQueriesData<OrderRows>({ queryKey: queryKey('orders.list', { storeId: change.storeId }) }, (current) => (current ? patchOrderRows(current, change) : current));
        // An open detail drawer shows the order's status and shipments: read it again.
        for (const row of change.rows) void client.invalidateQueries({ queryKey: queryKey('orders.get', { storeId: change.storeId, orderId: row.id }) });
        return;
      }
      client.setQueriesData<CustomerRows>({ queryKey: queryKey('customers.list', { storeId: change.storeId }) }, (current) => (current ? patchCustomerRows(current, change) : current));
      // Group member counts follow the customers' groups.
      void client.invalidateQueries({ queryKey: queryKey('customers.listGroups', { storeId: change.storeId }) });
    },
  };
}

export function upsertJob(jobs: JobSummary[] | undefined, job: JobSummary): JobSummary[] {
  const list = jobs ?? [];
  const at = list.findIndex((j) => j.id === job.id);
  if (at < 0) return [job, ...list];
  const next = list.slice();
  next[at] = job;
  return next;
}

/** Mounted once at the root (main.tsx). */
export function LiveEvents(): null {
  const client = useQueryClient();
  useEffect(() => startLiveEvents(client), [client]);
  return null;
}
