import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { allV2, startHarness, type Harness } from './harness';

type Line = { id: number; sku: string; quantity: number; quantity_shipped: number; quantity_refunded: number; is_refunded: boolean; refund_amount: string; price_inc_tax: string };
type Order = { id: number; status_id: number; items_total: number; refunded_amount: string; consignments: { shipping: Array<{ line_items: Line[] }> } };

const linesOf = (o: Order) => o.consignments.shipping.flatMap((s) => s.line_items);
const INLINE = 'include=consignments.line_items&consignment_structure=object';

describe('seeded demand (generator v2)', () => {
  let h: Harness;
  let orders: Order[];
  beforeAll(async () => {
    h = await startHarness();
    orders = await allV2<Order>(h, `/v2/orders?${INLINE}`);
  });
  afterAll(() => h.close());

  it('is skewed: a few best-sellers in many open orders, a long tail of SKUs sold once', () => {
    const open = orders.filter((o) => o.status_id === 11);
    const ordersBySku = new Map<string, number>();
    for (const o of open) for (const l of linesOf(o)) ordersBySku.set(l.sku, (ordersBySku.get(l.sku) ?? 0) + 1);
    const counts = [...ordersBySku.values()].sort((a, b) => b - a);
    expect(counts[0]).toBeGreaterThanOrEqual(8);
    expect(counts.slice(0, 3).every((n) => n >= 4)).toBe(true);
    expect(counts.filter((n) => n === 1).length).toBeGreaterThan(counts.length / 2);
  });

  it('has wholesale orders of 20+ lines and an open one past 50 lines', async () => {
    const sizes = await Promise.all(orders.map(async (o) => ({ o, n: ((await h.call('GET', `/v2/orders/${o.id}/products?limit=250`)).body as Line[]).length })));
    expect(sizes.filter((s) => s.n >= 20).length).toBeGreaterThanOrEqual(3);
    expect(sizes.some((s) => s.n > 50 && s.o.status_id === 11)).toBe(true);
  });

  it('has refunded lines that agree with the order, and partly shipped lines', () => {
    for (const o of orders.filter((x) => x.status_id === 4)) expect(linesOf(o).every((l) => l.quantity_refunded === l.quantity && l.is_refunded)).toBe(true);
    const openRefunds = orders.filter((o) => o.status_id === 11 && linesOf(o).some((l) => l.quantity_refunded > 0));
    expect(openRefunds.length).toBeGreaterThan(0);
    for (const o of openRefunds) {
      const refunded = linesOf(o).filter((l) => l.quantity_refunded > 0);
      expect(refunded).toHaveLength(1);
      expect(refunded[0].refund_amount).toBe(refunded[0].price_inc_tax);
      expect(o.refunded_amount).toBe(refunded[0].price_inc_tax);
    }
    const partly = orders.filter((o) => o.status_id === 3).flatMap(linesOf);
    expect(partly.some((l) => l.quantity_shipped < l.quantity)).toBe(true);
    expect(partly.some((l) => l.quantity_shipped > 0)).toBe(true);
  });
});

describe('a data dir seeded by generator v1', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('keeps its data and v1 orders until --reset', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'demo-v1-'));
    dirs.push(dataDir);
    const opts = { products: 120, orders: 150, customers: 60, dataDir };
    await (await startHarness(opts)).close();
    const manifestFile = path.join(dataDir, 'manifest.json');
    writeFileSync(manifestFile, JSON.stringify({ ...JSON.parse(readFileSync(manifestFile, 'utf8')), seedVersion: 1 }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const maxLines = async (x: Harness) => Math.max(...(await allV2<Order>(x, `/v2/orders?${INLINE}`)).map((o) => linesOf(o).length));
    try {
      const v1 = await startHarness(opts);
      await v1.call('PUT', '/v2/orders/100', { staff_notes: 'kept' });
      expect(await maxLines(v1)).toBeLessThanOrEqual(4);
      await v1.close();
      const again = await startHarness(opts);
      expect(((await again.call('GET', '/v2/orders/100')).body as { staff_notes: string }).staff_notes).toBe('kept');
      expect(await maxLines(again)).toBeLessThanOrEqual(4);
      await again.close();
      expect(warn.mock.calls.some(([m]) => String(m).includes('generator version 1'))).toBe(true);
      const reset = await startHarness({ ...opts, reset: true });
      expect(((await reset.call('GET', '/v2/orders/100')).body as { staff_notes: string }).staff_notes).toBe('');
      expect(await maxLines(reset)).toBeGreaterThanOrEqual(20);
      await reset.close();
    } finally {
      warn.mockRestore();
    }
  });
});
