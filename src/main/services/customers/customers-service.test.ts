import { afterEach, describe, expect, it } from 'vitest';
import type { RowsChanged } from '../../../shared/contract';
import type { AppError } from '../../../shared/rpc';
import { BigCommerceError } from '../bigcommerce';
import { startDemoEnv, type DemoEnv } from '../jobs/test-support/demo';
import { createCustomersService, type CustomersService } from './customers-service';
import type { CustomersEvent } from './sync';

let env: DemoEnv;
let service: CustomersService;
afterEach(async () => {
  await service.close();
  await env.close();
});

type Row = Record<string, unknown> & { id: number };

async function setup(customers = 600) {
  env = await startDemoEnv({ customers });
  const events: CustomersEvent[] = [];
  const changes: RowsChanged[] = [];
  service = createCustomersService({ dataDir: env.dataDir, bigcommerce: env.bigcommerce, onEvent: (e) => events.push(e), onRowsChanged: (c) => changes.push(c), createCheckDelayMs: 0 });
  return { events, changes };
}

const caught = async (promise: Promise<unknown>): Promise<AppError> => {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a rejection');
};

describe('customers cache', () => {
  it('loads every customer with progress, persists the cache, and a new service reads it without the network', async () => {
    const { events } = await setup();
    const result = await service.sync('store-1', env.storeHash, 'refresh');
    expect(result).toMatchObject({ mode: 'full', customers: 600, upserted: 600 });
    expect(events.some((e) => e.type === 'syncProgressed')).toBe(true);
    const rows = await service.rows('store-1');
    expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort((a, b) => a - b));
    const { data } = await env.raw<{ data: Row[] }>('GET', `/v3/customers?id:in=${rows[5]!.id}&include=storecredit`);
    expect(rows[5]).toMatchObject({ email: data.data[0]!.email, customer_group_id: data.data[0]!.customer_group_id, store_credit: '0.00' });

    const reopened = createCustomersService({ dataDir: env.dataDir, bigcommerce: { clientFor: () => expect.fail('no network') } });
    expect(await reopened.rows('store-1')).toEqual(rows);
    expect((await reopened.status('store-1')).customers).toBe(600);
  });

  it('a refresh fetches only what changed (date_modified:min) and a deletion reloads everything', async () => {
    await setup(300);
    await service.sync('store-1', env.storeHash, 'refresh');
    const [first, second] = await service.rows('store-1');
    await env.raw('PUT', '/v3/customers', [{ id: first!.id, company: 'Changed Ltd' }]);
    expect(await service.sync('store-1', env.storeHash, 'refresh')).toMatchObject({ mode: 'delta', customers: 300 });
    expect((await service.get('store-1', [first!.id]))[0]!.company).toBe('Changed Ltd');

    await env.raw('DELETE', `/v3/customers?id:in=${second!.id}`);
    expect(await service.sync('store-1', env.storeHash, 'refresh')).toMatchObject({ mode: 'full', customers: 299, removed: 1 });
    expect(await service.get('store-1', [second!.id])).toEqual([]);
  });

  it('refetch re-reads named customers: a changed one is cached, a deleted one dropped', async () => {
    await setup(30);
    await service.sync('store-1', env.storeHash, 'refresh');
    const [a, b] = await service.rows('store-1');
    await env.raw('PUT', '/v3/customers', [{ id: a!.id, phone: '555-0000' }]);
    await env.raw('DELETE', `/v3/customers?id:in=${b!.id}`);
    const result = await service.refetch('store-1', [a!.id, b!.id]);
    expect(result.rows.map((r) => [r.id, r.phone])).toEqual([[a!.id, '555-0000']]);
    expect(result.removedIds).toEqual([b!.id]);
    expect((await service.status('store-1')).customers).toBe(29);
  });

  it('applyLocal patches the rows a job applied and ignores other entities and unknown fields', async () => {
    await setup(50);
    await service.sync('store-1', env.storeHash, 'refresh');
    const [a] = await service.rows('store-1');
    const changed = await service.applyLocal('store-1', [
      { entity: 'customer', id: a!.id, field: 'customer_group_id', to: 3 },
      { entity: 'product', id: a!.id, field: 'name', to: 'x' },
      { entity: 'customer', id: a!.id, field: 'store_credit', to: '5' },
    ]);
    expect(changed).toEqual([a!.id]);
    expect((await service.get('store-1', [a!.id]))[0]).toEqual({ ...a, customer_group_id: 3 });
  });
});

describe('create a customer', () => {
  it('creates it on the store, caches it and says so', async () => {
    const { changes } = await setup(20);
    await service.sync('store-1', env.storeHash, 'refresh');
    const row = await service.create('store-1', { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', customer_group_id: 2 });
    const { data } = await env.raw<{ data: Row[] }>('GET', '/v3/customers?email:in=ada@example.com');
    expect(data.data).toHaveLength(1);
    expect(row).toMatchObject({ id: data.data[0]!.id, first_name: 'Ada', customer_group_id: 2 });
    expect((await service.status('store-1')).customers).toBe(21);
    expect(changes).toEqual([{ storeId: 'store-1', entity: 'customer', rows: [row], cause: { kind: 'call', method: 'customers.create' } }]);
  });

  it('a duplicate email is VALIDATION with the message on the email field', async () => {
    await setup(20);
    const { data } = await env.raw<{ data: Row[] }>('GET', '/v3/customers?limit=1');
    const error = await caught(service.create('store-1', { first_name: 'A', last_name: 'B', email: data.data[0]!.email as string }));
    expect(error.code).toBe('VALIDATION');
    expect((error.details as { fields: Record<string, string> }).fields.email).toMatch(/already in use/);
  });

  it('after an ambiguous failure (the answer lost) it looks the email up instead of posting again', async () => {
    await setup(20);
    let posts = 0;
    const lossy = {
      clientFor: (id: string) => {
        const client = env.bigcommerce.clientFor(id);
        return {
          ...client,
          async request(req: Parameters<typeof client.request>[0]) {
            const res = await client.request(req);
            if (req.method === 'POST') {
              posts++;
              throw new BigCommerceError({ code: 'TIMEOUT', message: 'lost' });
            }
            return res;
          },
        } as typeof client;
      },
    };
    service = createCustomersService({ dataDir: env.dataDir, bigcommerce: lossy, createCheckDelayMs: 0 });
    const row = await service.create('store-1', { first_name: 'Lost', last_name: 'Answer', email: 'lost@example.com' });
    expect(posts).toBe(1);
    expect(row.email).toBe('lost@example.com');
    const { data } = await env.raw<{ data: Row[] }>('GET', '/v3/customers?email:in=lost@example.com');
    expect(data.data).toHaveLength(1);
  });
});

describe('customer groups', () => {
  it('lists groups with member counts; create, rename, delete (members end up in no group, in the cache too)', async () => {
    const { changes } = await setup(200);
    await service.sync('store-1', env.storeHash, 'refresh');
    const groups = await service.listGroups('store-1');
    const rows = await service.rows('store-1');
    expect(groups.map((g) => [g.name, g.members])).toEqual(
      ['Retail', 'VIP', 'Wholesale'].map((name) => [name, rows.filter((r) => r.customer_group_id === groups.find((g) => g.name === name)!.id).length]),
    );
    const created = await service.createGroup('store-1', ' Trade ');
    expect(created).toMatchObject({ name: 'Trade', members: 0 });
    expect((await caught(service.createGroup('store-1', 'trade'))).code).toBe('CONFLICT');
    const renamed = await service.renameGroup('store-1', created.id, 'Trade partners');
    expect(renamed.name).toBe('Trade partners');

    const vip = groups.find((g) => g.name === 'VIP')!;
    expect(await service.deleteGroup('store-1', vip.id)).toEqual({ id: vip.id, unassigned: vip.members });
    expect((await service.rows('store-1')).filter((r) => r.customer_group_id === vip.id)).toEqual([]);
    expect(changes.at(-1)).toMatchObject({ entity: 'customer', cause: { kind: 'call', method: 'customers.deleteGroup' } });
    expect((changes.at(-1) as { rows: unknown[] }).rows).toHaveLength(vip.members);
    expect((await service.listGroups('store-1')).map((g) => g.name)).toEqual(['Retail', 'Trade partners', 'Wholesale']);
  });
});
