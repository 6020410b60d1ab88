import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import type { CustomerRowData, EventName, JobSummary, PayloadOf, ProductRowData } from '../../../shared/contract';
import type { EventMessage } from '../../../shared/rpc';
import { useToasts } from '../components/toast-store';
import type { LiveTransport, StreamState } from './client';
import { startLiveEvents } from './live-events';
import { useLive } from './live-store';
import { customerRows, type CustomerRows } from './customer-rows';
import { productRows, type ProductRows } from './product-rows';
import { queryKey } from './queries';

/** A transport that plays events and stream states from the test, as main and the network would. */
function scriptedTransport() {
  const listeners = new Set<(message: EventMessage) => void>();
  const stream = new Set<(state: StreamState) => void>();
  const transport: LiveTransport = {
    invoke: () => Promise.reject(new Error('no calls here')),
    subscribe: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
    onStream: (listener) => (stream.add(listener), () => stream.delete(listener)),
  };
  return {
    transport,
    emit: <E extends EventName>(name: E, payload: PayloadOf<E>) => listeners.forEach((l) => l({ name, payload })),
    stream: (state: StreamState) => stream.forEach((l) => l(state)),
  };
}

const row = (id: number, price: string) => ({ id, sku: `S${id}`, price, variants: [] }) as unknown as ProductRowData;
const job = (status: JobSummary['status'], done = 0) => ({ id: 'j1', storeId: 's1', status, done }) as JobSummary;

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  useToasts.setState({ toasts: [] });
  useLive.setState({ syncProgress: {}, sessionExpired: false });
});

function setup() {
  const client = new QueryClient();
  const script = scriptedTransport();
  stop = startLiveEvents(client, script.transport);
  return { client, ...script };
}

describe('live events → query cache', () => {
  it('patches cached product rows in place from data.rowsChanged, under any syncedAt', () => {
    const { client, emit } = setup();
    const key = [...queryKey('catalog.listProductColumns', { storeId: 's1' }), '2026-01-01'];
    client.setQueryData(key, productRows([row(1, '1.00'), row(2, '2.00')]));
    const before = client.getQueryData<ProductRows>(key)!;
    const untouched = before.rows[0];
    emit('data.rowsChanged', { storeId: 's1', entity: 'product', rows: [row(2, '12.34')], cause: { kind: 'job', jobId: 'j1' } });
    const after = client.getQueryData<ProductRows>(key)!;
    expect(after.version).toBe(1);
    expect(after.rows[0]).toBe(untouched);
    expect(after.rows[1]!.price).toBe('12.34');
  });

  it('patches cached customer rows from data.rowsChanged and has the group counts read again; products stay as they were', () => {
    const { client, emit } = setup();
    const person = (id: number, group: number) => ({ id, customer_group_id: group }) as unknown as CustomerRowData;
    const key = [...queryKey('customers.list', { storeId: 's1' }), '2026-01-01'];
    client.setQueryData(key, customerRows([person(1, 1), person(2, 1)]));
    client.setQueryData(queryKey('customers.listGroups', { storeId: 's1' }), []);
    const products = productRows([row(1, '1.00')]);
    client.setQueryData([...queryKey('catalog.listProductColumns', { storeId: 's1' }), 'x'], products);
    emit('data.rowsChanged', { storeId: 's1', entity: 'customer', rows: [person(2, 3)], cause: { kind: 'job', jobId: 'j1' } });
    const after = client.getQueryData<CustomerRows>(key)!;
    expect(after.rows.map((r) => r.customer_group_id)).toEqual([1, 3]);
    expect(after.version).toBe(1);
    expect(client.getQueryState(queryKey('customers.listGroups', { storeId: 's1' }))!.isInvalidated).toBe(true);
    expect(client.getQueryData([...queryKey('catalog.listProductColumns', { storeId: 's1' }), 'x'])).toBe(products);
  });

  it('keeps the jobs list and budget true without a view mounted; a job at rest has its detail refetched', () => {
    const { client, emit } = setup();
    client.setQueryData(queryKey('jobs.get', { jobId: 'j1' }), { stale: false });
    emit('jobs.progressed', job('running', 1));
    expect(client.getQueryData(queryKey('jobs.list', { storeId: 's1' }))).toEqual([job('running', 1)]);
    expect(client.getQueryState(queryKey('jobs.get', { jobId: 'j1' }))!.isInvalidated).toBe(false);
    emit('jobs.progressed', job('failed', 2));
    expect(client.getQueryData(queryKey('jobs.list', { storeId: 's1' }))).toEqual([job('failed', 2)]);
    expect(client.getQueryState(queryKey('jobs.get', { jobId: 'j1' }))!.isInvalidated).toBe(true);
  });

  it('tracks a sync in the live store and ends it on synced, invalidating the status', () => {
    const { client, emit } = setup();
    client.setQueryData(queryKey('catalog.getStatus', { storeId: 's1' }), { syncedAt: null });
    emit('catalog.syncProgressed', { storeId: 's1', loaded: 10, total: 20, phase: 'full' });
    expect(useLive.getState().syncProgress.s1).toMatchObject({ loaded: 10 });
    emit('catalog.synced', { storeId: 's1', mode: 'full', products: 20, variants: 20, at: 'now', upserted: 20, removed: 0 });
    expect(useLive.getState().syncProgress.s1).toBeUndefined();
    expect(client.getQueryState(queryKey('catalog.getStatus', { storeId: 's1' }))!.isInvalidated).toBe(true);
  });

  it('after the stream comes back, invalidates everything that may have missed events', () => {
    const { client, stream } = setup();
    client.setQueryData(queryKey('staging.list', { storeId: 's1' }), { revision: 1, edits: [] });
    client.setQueryData(queryKey('stores.list'), { stores: [] });
    stream('reconnected');
    expect(client.getQueryState(queryKey('staging.list', { storeId: 's1' }))!.isInvalidated).toBe(true);
    expect(client.getQueryState(queryKey('stores.list'))!.isInvalidated).toBe(true);
  });

  it('an expired session is said once', () => {
    const { stream } = setup();
    stream('expired');
    stream('expired');
    expect(useToasts.getState().toasts.map((t) => [t.level, t.message])).toEqual([['error', 'This browser session has expired — reopen the link Stockroom printed.']]);
  });
});
