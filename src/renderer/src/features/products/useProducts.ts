import { useQuery } from '@tanstack/react-query';
import { fromColumns } from '../../../../shared/columns';
import { PRODUCT_COLUMNS_MAX, type ProductColumnsPage, type ProductRowData } from '../../../../shared/contract';
import { call } from '../../api/client';
import { productRows, type ProductRows } from '../../api/product-rows';
import { queryKey } from '../../api/queries';

/**
 * Every product of the store's local catalog cache, as columns (src/shared/columns): 100,000
 * products are two calls of ~20 MB instead of twenty of keyed JSON. Page size = main's warm-up
 * page size, so main answers from pages it encoded at startup. After page 1 gives the total, the
 * other pages are asked for at once: main serializes the next while this one is decoded.
 * Read once per sync; rows a job changes are patched in by data.rowsChanged (see live-events).
 */
export function useProducts(storeId: string | undefined, syncedAt: string | null | undefined) {
  return useQuery<ProductRows>({
    queryKey: [...queryKey('catalog.listProductColumns', { storeId: storeId ?? '' }), syncedAt ?? ''],
    queryFn: async () => {
      const page = (offset: number) => call('catalog.listProductColumns', { storeId: storeId!, offset, limit: PRODUCT_COLUMNS_MAX });
      const first = await page(0);
      const rest: Array<Promise<ProductColumnsPage>> = [];
      for (let offset = first.count; first.count > 0 && offset < first.total; offset += PRODUCT_COLUMNS_MAX) rest.push(page(offset));
      // Variants are decoded per product when first read (expanded, checked, exported), not here.
      const rows = fromColumns<ProductRowData>(first.columns, { lazyLists: true });
      for (const next of rest) {
        const more = fromColumns<ProductRowData>((await next).columns, { lazyLists: true });
        for (const row of more) rows.push(row);
      }
      return productRows(rows);
    },
    enabled: !!storeId && !!syncedAt,
    staleTime: Infinity,
  });
}
