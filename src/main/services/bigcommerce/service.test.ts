import { afterEach, describe, expect, it } from 'vitest';
import { createBigCommerceService } from './service';
import { AutoClock } from './test-support/fake-clock';
import { startScriptedServer, type ScriptedServer } from './test-support/scripted-server';

let server: ScriptedServer | undefined;
afterEach(async () => server?.close());

describe('createBigCommerceService', () => {
  it('keeps one limiter and client per store, reports state per store, and forgets stores', async () => {
    server = await startScriptedServer(() => ({
      status: 200,
      headers: { 'x-rate-limit-requests-quota': '150', 'x-rate-limit-requests-left': '149', 'x-rate-limit-time-reset-ms': '30000', 'x-rate-limit-time-window-ms': '30000' },
      body: { data: [], meta: {} },
    }));
    const tokens: string[] = [];
    const service = createBigCommerceService({
      target: (id) => ({ storeHash: `hash-${id}`, apiOrigin: server!.url }),
      getToken: async (id) => (tokens.push(id), `token-${id}`),
      clock: new AutoClock(),
    });
    const seen: Array<[string, number | null]> = [];
    service.onLimiterState((hash, state) => seen.push([hash, state.left]));
    expect(service.clientFor('a')).toBe(service.clientFor('a'));
    expect(service.limiterFor('a')).toBe(service.limiterFor('a'));
    expect(service.limiterFor('a')).not.toBe(service.limiterFor('b'));
    await service.clientFor('a').request({ method: 'GET', version: 'v3', path: '/catalog/products' });
    await service.clientFor('b').request({ method: 'GET', version: 'v3', path: '/catalog/products' });
    expect(server.requests.map((r) => [r.path, r.headers['x-auth-token']])).toEqual([
      ['/stores/hash-a/v3/catalog/products', 'token-a'],
      ['/stores/hash-b/v3/catalog/products', 'token-b'],
    ]);
    expect(seen).toContainEqual(['a', 149]);
    expect(seen).toContainEqual(['b', 149]);
    const before = service.limiterFor('a');
    service.forget('a');
    expect(service.limiterFor('a')).not.toBe(before);
    service.close();
  });
});
