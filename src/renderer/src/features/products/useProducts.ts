import { useQuery } from '@tanstack/react-query';
import type { ProductRowData } from '../../../../shared/contract';
import { call } from '../../api/client';
import { productRows, type ProductRows } from '../../api/product-rows';
import { queryKey } from '../../api/queries';

const PAGE = 5000;

/**
 * Every product of the store's local catalog cache, read page by page from main once per sync;
 * rows a job changes are patched in by data.rowsChanged (see live-events), not read again.
 */
export function useProducts(storeId: string | undefined, syncedAt: string | null | undefined) {
  return useQuery<ProductRows>({
    queryKey: [...queryKey('catalog.listProducts', { storeId: storeId ?? '' }), syncedAt ?? ''],
    queryFn: async () => {
      const rows: ProductRowData[] = [];
      for (let offset = 0; ; offset += PAGE) {
        const page = await call('catalog.listProducts', { storeId: storeId!, offset, limit: PAGE });
        rows.push(...page.products);
        if (page.products.length < PAGE || rows.length >= page.total) return productRows(rows);
      }
    },
    enabled: !!storeId && !!syncedAt,
    staleTime: Infinity,
  });
}
