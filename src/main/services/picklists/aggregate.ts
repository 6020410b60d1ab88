import type { PickLine, PickList } from '../../../shared/contract/picklists';
import type { ProductRow } from '../catalog';
import { cleanBin, compareBins, compareNatural, zoneOf } from './bins';

/**
 * The pick list itself, a pure function of the orders' lines and the local catalog.
 * Rule for what to pick: `quantity − quantity_refunded − quantity_shipped` of each line (what is
 * left to ship, a refunded unit never ships); lines where that is 0 or less are left out, so are
 * the orders left with nothing to pick. Lines are summed by SKU (by product, variant and name when
 * a line has no SKU), with how many each order needs.
 */
export interface OrderLine {
  orderId: number;
  sku: string;
  productId: number;
  variantId: number | null;
  name: string;
  options: ReadonlyArray<{ name: string; value: string }>;
  quantity: number;
  quantityRefunded: number;
  quantityShipped: number;
}

export interface AggregateOptions {
  /** The local catalog's products; null when none is cached (no bins, nothing marked deleted). */
  catalog: readonly ProductRow[] | null;
  groupByZone?: boolean;
}

export type Aggregated = Pick<PickList, 'orderIds' | 'lines' | 'zones' | 'totals'>;

interface Bins {
  byVariant: Map<number, string | null>;
  byProduct: Map<number, string | null>;
}

export const toPick = (l: OrderLine): number => Math.max(0, l.quantity - l.quantityRefunded - l.quantityShipped);

export function aggregatePickList(lines: readonly OrderLine[], options: AggregateOptions): Aggregated {
  const bins = options.catalog ? indexBins(options.catalog) : null;
  const bySku = new Map<string, PickLine>();
  for (const line of lines) {
    const units = toPick(line);
    if (units === 0) continue;
    const key = line.sku || `#${line.productId}/${line.variantId ?? 0}/${line.name}`;
    let pick = bySku.get(key);
    if (!pick) bySku.set(key, (pick = newPickLine(line, bins)));
    pick.quantity += units;
    const forOrder = pick.orders.find((o) => o.orderId === line.orderId);
    if (forOrder) forOrder.quantity += units;
    else pick.orders.push({ orderId: line.orderId, quantity: units });
  }
  const picks = [...bySku.values()];
  for (const p of picks) p.orders.sort((a, b) => a.orderId - b.orderId);
  picks.sort((a, b) => (options.groupByZone ? compareBins(a.zone, b.zone) : 0) || compareBins(a.bin, b.bin) || compareNatural(a.sku, b.sku) || compareNatural(a.name, b.name));
  const orderIds = [...new Set(picks.flatMap((p) => p.orders.map((o) => o.orderId)))].sort((a, b) => a - b);
  const units = picks.reduce((n, p) => n + p.quantity, 0);
  const result: Aggregated = { orderIds, lines: picks, totals: { orders: orderIds.length, lines: picks.length, units } };
  if (options.groupByZone) result.zones = zonesOf(picks);
  return result;
}

function newPickLine(line: OrderLine, bins: Bins | null): PickLine {
  const productKnown = bins?.byProduct.has(line.productId) ?? false;
  const bin = bins ? binFor(line, bins) : null;
  return {
    sku: line.sku, productId: line.productId, variantId: line.variantId, name: line.name,
    options: line.options.map((o) => `${o.name}: ${o.value}`), bin, zone: zoneOf(bin), quantity: 0, orders: [],
    // A custom line (product id 0) never was in the catalog, so it is not "deleted".
    deleted: bins !== null && line.productId > 0 && !productKnown,
  };
}

function binFor(line: OrderLine, bins: Bins): string | null {
  const variantBin = line.variantId === null ? null : bins.byVariant.get(line.variantId);
  return variantBin ?? bins.byProduct.get(line.productId) ?? null;
}

function indexBins(catalog: readonly ProductRow[]): Bins {
  const byVariant = new Map<number, string | null>();
  const byProduct = new Map<number, string | null>();
  for (const p of catalog) {
    byProduct.set(p.id, cleanBin(p.bin_picking_number));
    for (const v of p.variants) {
      const bin = cleanBin(v.bin_picking_number);
      if (bin !== null) byVariant.set(v.id, bin);
    }
  }
  return { byVariant, byProduct };
}

function zonesOf(picks: readonly PickLine[]): NonNullable<Aggregated['zones']> {
  const zones: NonNullable<Aggregated['zones']> = [];
  for (const p of picks) {
    const last = zones[zones.length - 1];
    if (last && last.zone === p.zone) {
      last.lines++;
      last.units += p.quantity;
    } else zones.push({ zone: p.zone, lines: 1, units: p.quantity });
  }
  return zones;
}
