import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../src/shared/contract';
import type { RpcResponse } from '../../src/shared/rpc';
import { hostileValue, mutation, validParams } from './fuzz-arbitraries';
import { rawRequest, sessionCookie, startHarness, type Harness } from './harness';

/**
 * Property-based fuzz of the whole contract through the dispatcher of a real composed app, whose
 * demo profiles point at a real (in-memory) demo store, so handlers really run. Bounded runs; a
 * failure prints fast-check's seed and path: replay with FUZZ_SEED=<seed>.
 */
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
const METHODS = Object.keys(contract) as MethodName[];

let h: Harness;
let arbitraries: ReturnType<typeof validParams>;
beforeAll(async () => {
  h = await startHarness({ demoStore: true });
  const list = await h.app.dispatch({ id: 1, method: 'stores.list', params: {} }, { host: 'test' });
  const storeIds = list.ok ? (list.value as { stores: Array<{ id: string }> }).stores.map((s) => s.id) : [];
  const apiOrigin = new URL(h.app.services.stores.resolve(storeIds[0]!).apiOrigin).origin;
  arbitraries = validParams({ storeIds, apiOrigin });
});
afterAll(() => h.close());

async function check(property: fc.IAsyncProperty<[unknown]> | fc.IAsyncPropertyWithHooks<[unknown]>, numRuns: number): Promise<void> {
  try {
    await fc.assert(property, { seed, numRuns });
  } catch (error) {
    throw new Error(`Replay with FUZZ_SEED=${seed}: ${(error as Error).message}`, { cause: error });
  }
}

const call = (method: unknown, params: unknown): Promise<RpcResponse> => h.app.dispatch({ id: 7, method, params }, { host: 'test' });

function expectSafe(response: RpcResponse): void {
  expect(Object.prototype).not.toHaveProperty('polluted');
  if (!response.ok) expect(response.error.code).not.toBe('INTERNAL');
}

describe('fuzz: the whole contract', () => {
  it.each(METHODS)('%s: valid params never give VALIDATION', async (method) => {
    const arb = arbitraries[method] as fc.Arbitrary<unknown>;
    await check(
      fc.asyncProperty(arb, async (params) => {
        const response = await call(method, params);
        expectSafe(response);
        if (!response.ok) expect(response.error.code, response.error.message).not.toBe('VALIDATION');
      }),
      12,
    );
  });

  it.each(METHODS)('%s: mutated params are refused, never INTERNAL', async (method) => {
    const arb = mutation(method, arbitraries[method] as fc.Arbitrary<Record<string, unknown>>) as fc.Arbitrary<unknown>;
    await check(
      fc.asyncProperty(arb, async (params) => {
        const response = await call(method, params);
        expectSafe(response);
        expect(response.ok).toBe(false);
        if (!response.ok) expect(['VALIDATION', 'BAD_REQUEST']).toContain(response.error.code);
      }),
      'edits' in (contract[method].params as unknown as { shape: object }).shape ? 150 : 40,
    );
  });

  it('arbitrary JSON and hostile values as method, params or the whole call never give INTERNAL', async () => {
    const anything = fc.oneof(fc.jsonValue(), hostileValue);
    const method = fc.oneof(fc.constantFrom(...METHODS), anything);
    const body = fc.oneof(anything, fc.record({ id: anything, method, params: anything }, { requiredKeys: [] }));
    await check(
      fc.asyncProperty(body, async (b) => {
        expectSafe(await h.app.dispatch(b, { host: 'test' }));
      }),
      300,
    );
  });

  it('over HTTP, arbitrary bodies get an answer or a 4xx, never a 5xx', async () => {
    const cookie = await sessionCookie(h.http);
    const body = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.tuple(fc.constantFrom(...METHODS), fc.jsonValue()).map(([method, params]) => JSON.stringify({ id: 1, method, params })),
      fc.integer({ min: 1, max: 5000 }).map((n) => '['.repeat(n)),
    );
    await check(
      fc.asyncProperty(body, async (b) => {
        const res = await rawRequest(h.http, { method: 'POST', path: '/rpc', body: b, headers: { 'content-type': 'application/json', cookie } });
        expect(res.status === 200 || res.status === 400 || res.status === 413, `${res.status} ${res.body}`).toBe(true);
        if (res.status === 200) expectSafe(JSON.parse(res.body) as RpcResponse);
      }),
      60,
    );
  });
});
