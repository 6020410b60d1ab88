import type { ProductRowData } from '../../../../shared/contract';

export type VariantRowData = ProductRowData['variants'][number];

/** A grid row of the Products screen: a product (with its variant rows) or one of its variants. */
export type CatalogRow =
  | { kind: 'product'; key: string; product: ProductRowData; variants: CatalogRow[] }
  | { kind: 'variant'; key: string; product: ProductRowData; variant: VariantRowData };

/**
 * Grid rows over the catalog rows main sent, built once per load: the grid keeps these objects,
 * and staged edits are painted over them, never written into them. A product with a single base
 * variant (no options) has nothing to expand.
 */
export function catalogRows(products: readonly ProductRowData[]): CatalogRow[] {
  return products.map((product) => ({
    kind: 'product',
    key: `p${product.id}`,
    product,
    variants:
      product.variants.length > 1 || product.variants.some((v) => v.option_values.length > 0)
        ? product.variants.map((variant) => ({ kind: 'variant' as const, key: `v${variant.id}`, product, variant }))
        : [],
  }));
}

export const rowId = (row: CatalogRow): string => row.key;
export const subRows = (row: CatalogRow): CatalogRow[] | undefined => (row.kind === 'product' && row.variants.length ? row.variants : undefined);

/** "Size: M, Colour: Red". */
export function optionLabels(variant: VariantRowData): string {
  return variant.option_values.map((o) => `${o.option_display_name}: ${o.label}`).join(', ');
}
