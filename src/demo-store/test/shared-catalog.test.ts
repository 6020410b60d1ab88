import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { allV3, startHarness, type Harness } from './harness';

type Variant = { sku: string; price: number | null; inventory_level: number; option_values: Array<{ label: string }> };
type Product = { id: number; sku: string; name: string; price: number; sale_price: number; cost_price: number; inventory_level: number; variants: Variant[] };

const CATALOG = '/v3/catalog/products?include=variants';
const bySku = (products: Product[]) => new Map(products.map((p) => [p.sku, p]));

describe('the demo stores share part of their catalog', () => {
  let usd: Harness;
  let eur: Harness;
  let one: Map<string, Product>;
  let two: Map<string, Product>;
  beforeAll(async () => {
    [usd, eur] = await Promise.all([startHarness({}, 0), startHarness({}, 1)]);
    [one, two] = (await Promise.all([allV3<Product>(usd, CATALOG), allV3<Product>(eur, CATALOG)])).map(bySku);
  });
  afterAll(async () => {
    await usd.close();
    await eur.close();
  });

  it('about 60 % of the products have the same SKU, name and variants in both stores; the rest carry the store prefix', () => {
    const shared = [...one.keys()].filter((sku) => two.has(sku));
    expect(shared.length / one.size).toBeGreaterThan(0.45);
    expect(shared.length / one.size).toBeLessThan(0.75);
    expect(shared.every((sku) => !/^(NW|HB)-/.test(sku))).toBe(true);
    expect([...one.keys()].filter((sku) => !two.has(sku)).every((sku) => sku.startsWith('NW-'))).toBe(true);
    expect([...two.keys()].filter((sku) => !one.has(sku)).every((sku) => sku.startsWith('HB-'))).toBe(true);
    for (const sku of shared) {
      const [a, b] = [one.get(sku)!, two.get(sku)!];
      expect(b.variants.map((v) => [v.sku, v.option_values.map((o) => o.label)])).toEqual(a.variants.map((v) => [v.sku, v.option_values.map((o) => o.label)]));
      expect(b.name.startsWith(a.name.replace(/ \(.*\)$/, ''))).toBe(true);
    }
  });

  it('prices are each store’s own: EUR shelf prices near 0.92 × USD, sale and cost scaled alike', () => {
    const pairs = [...one.values()].filter((p) => two.has(p.sku)).map((p) => [p, two.get(p.sku)!] as const);
    const ratios = pairs.map(([a, b]) => b.price / a.price);
    expect(ratios.filter((r) => Math.abs(r - 0.92) < 0.05).length / ratios.length).toBeGreaterThan(0.6);
    expect(ratios.some((r) => r > 1) && ratios.some((r) => r < 0.85)).toBe(true);
    const inCents = (v: number) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6;
    expect(pairs.filter(([, b]) => !inCents(b.price) || !inCents(b.sale_price) || !inCents(b.cost_price))).toEqual([]);
    expect(pairs.filter(([, b]) => b.sale_price >= b.price)).toEqual([]);
    expect(pairs.filter(([a]) => a.sale_price > 0).every(([, b]) => b.sale_price > 0)).toBe(true);
  });

  it('stock has drifted: some variants equal, many not', () => {
    const levels = [...one.values()].filter((p) => two.has(p.sku)).flatMap((p) => {
      const other = new Map(two.get(p.sku)!.variants.map((v) => [v.sku, v.inventory_level]));
      return p.variants.map((v) => [v.inventory_level, other.get(v.sku)!] as const);
    });
    const same = levels.filter(([a, b]) => a === b).length / levels.length;
    expect(same).toBeGreaterThan(0.3);
    expect(same).toBeLessThan(0.75);
  });
});

describe('a data dir seeded before the stores shared SKUs (generator v2)', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('keeps its catalog (store-prefixed SKUs) and its edits until --reset', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'demo-v2-'));
    dirs.push(dataDir);
    const opts = { products: 60, orders: 40, customers: 20, dataDir };
    await (await startHarness(opts)).close();
    const manifestFile = path.join(dataDir, 'manifest.json');
    writeFileSync(manifestFile, JSON.stringify({ ...JSON.parse(readFileSync(manifestFile, 'utf8')), seedVersion: 2 }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const skus = async (h: Harness) => (await allV3<Product>(h, CATALOG)).map((p) => p.sku);
    try {
      const v2 = await startHarness(opts);
      expect((await skus(v2)).every((s) => s.startsWith('NW-'))).toBe(true);
      expect((await v2.call('PUT', '/v3/catalog/products/1', { name: 'Kept across restarts' })).status).toBe(200);
      await v2.close();
      const again = await startHarness(opts);
      expect(((await again.call('GET', '/v3/catalog/products/1')).body as { data: Product }).data.name).toBe('Kept across restarts');
      expect((await skus(again)).every((s) => s.startsWith('NW-'))).toBe(true);
      await again.close();
      const reset = await startHarness({ ...opts, reset: true });
      expect((await skus(reset)).some((s) => !s.startsWith('NW-'))).toBe(true);
      await reset.close();
    } finally {
      warn.mockRestore();
    }
  });
});
