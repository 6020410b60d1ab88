import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

const SMALL_SEED = { products: 60, orders: 40, customers: 30 };

async function outcome(h: Harness, method: string, p: string, body?: unknown): Promise<string> {
  try {
    return String((await h.call(method, p, body)).status);
  } catch {
    return 'drop';
  }
}

describe('fault injection', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('is seeded: the same seed gives the same sequence of faults', async () => {
    const run = async (seed: string) => {
      const h = await startHarness({ ...SMALL_SEED, seed, faultRate: 0.5 });
      const seq: string[] = [];
      for (let i = 0; i < 30; i++) seq.push(await outcome(h, 'GET', '/v2/time'));
      await h.close();
      return seq;
    };
    const a = await run('s1');
    expect(await run('s1')).toEqual(a);
    expect(await run('s2')).not.toEqual(a);
    expect(a.filter((s) => s !== '200').length).toBeGreaterThan(5);
    expect(a.some((s) => s === 'drop')).toBe(true);
    expect(a.some((s) => ['500', '502', '503', '504'].includes(s))).toBe(true);
  });

  it('5xx faults carry proper V3 and V2 bodies', async () => {
    const h = await startHarness({ ...SMALL_SEED, faultRate: 1, faultDropAfterApplyRatio: 0 });
    try {
      let v3: unknown, v2: unknown;
      for (let i = 0; i < 40 && (!v3 || !v2); i++) {
        const a = await h.call('GET', '/v3/catalog/products').catch(() => null);
        if (a && a.status >= 500) v3 = a.body;
        const b = await h.call('GET', '/v2/orders').catch(() => null);
        if (b && b.status >= 500) v2 = b.body;
      }
      expect(v3).toMatchObject({ status: expect.any(Number), title: expect.any(String), type: expect.any(String) });
      expect(v2).toEqual([{ status: expect.any(Number), message: expect.any(String) }]);
    } finally {
      await h.close();
    }
  });

  it('never applies a write that got a 5xx; a drop after applying is durable (ambiguous POST/PUT)', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'demo-faults-'));
    dirs.push(dataDir);
    const h = await startHarness({ ...SMALL_SEED, dataDir, faultRate: 1, faultDropAfterApplyRatio: 1 });
    const outcomes: Array<{ price: number; result: string }> = [];
    for (let i = 0; i < 25; i++) {
      const price = 100 + i;
      outcomes.push({ price, result: await outcome(h, 'PUT', '/v3/catalog/products/1', { price }) });
    }
    await h.close();
    const applied = outcomes.filter((o) => o.result === 'drop');
    expect(applied.length).toBeGreaterThan(0);
    expect(outcomes.some((o) => o.result.startsWith('5'))).toBe(true);
    const after = await startHarness({ ...SMALL_SEED, dataDir });
    const product = (await after.call('GET', '/v3/catalog/products/1')).body as { data: { price: number } };
    expect(product.data.price).toBe(applied[applied.length - 1].price);
    await after.close();
  });

  it('a drop before applying (and every 5xx) leaves the data untouched', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'demo-faults-'));
    dirs.push(dataDir);
    const clean = await startHarness({ ...SMALL_SEED, dataDir });
    const original = ((await clean.call('GET', '/v3/catalog/products/2')).body as { data: { price: number } }).data.price;
    await clean.close();
    const h = await startHarness({ ...SMALL_SEED, dataDir, faultRate: 1, faultDropAfterApplyRatio: 0 });
    const results: string[] = [];
    for (let i = 0; i < 20; i++) results.push(await outcome(h, 'PUT', '/v3/catalog/products/2', { price: 500 + i }));
    await h.close();
    expect(results).toContain('drop');
    const after = await startHarness({ ...SMALL_SEED, dataDir });
    expect(((await after.call('GET', '/v3/catalog/products/2')).body as { data: { price: number } }).data.price).toBe(original);
    await after.close();
  });

  it('latencyMs delays every response', async () => {
    const h = await startHarness({ ...SMALL_SEED, latencyMs: 150 });
    try {
      const t0 = performance.now();
      await h.call('GET', '/v2/time');
      expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
    } finally {
      await h.close();
    }
  });
});
