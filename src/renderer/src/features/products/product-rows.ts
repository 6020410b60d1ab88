import type { ProductRowData } from '../../../../shared/contract';

export type VariantRowData = ProductRowData['variants'][number];

/** A grid row of the Products screen: a product (with its variant rows) or one of its variants. */
export type CatalogRow =
  | { kind: 'product'; key: string; product: ProductRowData; variants: CatalogRow[] }
  | { kind: 'variant'; key: string; product: ProductRowData; variant: VariantRowData };

/** A product's grid row; its variant rows are made when first asked for (expanded, indexed). */
class ProductGridRow {
  readonly kind = 'product';
  readonly key: string;
  private made: CatalogRow[] | undefined;

  constructor(readonly product: ProductRowData) {
    this.key = `p${product.id}`;
  }

  /** A product with a single base variant (no options) has nothing to expand. */
  get variants(): CatalogRow[] {
    if (!this.made) {
      const { product } = this;
      const own = product.variants.length > 1 || product.variants.some((v) => v.option_values.length > 0);
      this.made = own ? product.variants.map((variant) => ({ kind: 'variant' as const, key: `v${variant.id}`, product, variant })) : [];
    }
    return this.made;
  }
}

const built = new WeakMap<readonly ProductRowData[], CatalogRow[]>();

/**
 * Grid rows over the catalog rows main sent, built once per list (a remount of the screen gets the
 * same objects, so the grid keeps its row model): the grid keeps these objects, and staged edits
 * are painted over them, never written into them. A product's variants are neither decoded nor
 * made into rows until they are needed.
 */
export function catalogRows(products: readonly ProductRowData[]): CatalogRow[] {
  let rows = built.get(products);
  if (!rows) {
    rows = products.map((product) => new ProductGridRow(product));
    built.set(products, rows);
  }
  return rows;
}

export const rowId = (row: CatalogRow): string => row.key;
export const subRows = (row: CatalogRow): CatalogRow[] | undefined => (row.kind === 'product' && row.variants.length ? row.variants : undefined);

/** "Size: M, Colour: Red". */
export function optionLabels(variant: VariantRowData): string {
  return variant.option_values.map((o) => `${o.option_display_name}: ${o.label}`).join(', ');
}
