import type { ProductRowData } from '../../../../../shared/contract';
import { catalogRows, type CatalogRow } from '../product-rows';
import type { Sliced } from './sliced';

/** The grid's rows by product id, variant id and SKU (case-insensitive, as the store compares SKUs). */
export interface CatalogIndex {
  products: Map<number, CatalogRow>;
  /** Variant id → its grid row; a product's single base variant (no grid row of its own) → the product's row. */
  variants: Map<number, CatalogRow>;
  skus: Map<string, CatalogRow>;
}

export const skuKey = (sku: string): string => sku.trim().toLowerCase();

export function* indexCatalog(products: readonly ProductRowData[]): Sliced<CatalogIndex> {
  const index: CatalogIndex = { products: new Map(), variants: new Map(), skus: new Map() };
  const rows = catalogRows(products);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.kind !== 'product') continue;
    index.products.set(row.product.id, row);
    if (row.product.sku) index.skus.set(skuKey(row.product.sku), row);
    if (row.variants.length === 0) {
      for (const v of row.product.variants) index.variants.set(v.id, row);
    }
    for (const child of row.variants) {
      if (child.kind !== 'variant') continue;
      index.variants.set(child.variant.id, child);
      if (child.variant.sku && !index.skus.has(skuKey(child.variant.sku))) index.skus.set(skuKey(child.variant.sku), child);
    }
    if (i % 200 === 199) yield;
  }
  return index;
}

/** How a row reads in the preview: its SKU and what it is. */
export function rowLabel(row: CatalogRow): string {
  return row.kind === 'product' ? `${row.product.sku || `product ${row.product.id}`} (${row.product.name})` : `${row.variant.sku} (variant of ${row.product.name})`;
}
