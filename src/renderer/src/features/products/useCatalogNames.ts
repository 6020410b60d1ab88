import { useQuery } from '@tanstack/react-query';
import type { CatalogNames } from '../../../../shared/contract';
import { call } from '../../api/client';
import { queryKey } from '../../api/queries';
import { NO_NAMES, type CatalogNameLookup } from './product-columns';

/** Category and brand names for the grid, read again after each catalog sync (main answers from its cache). */
export function useCatalogNames(storeId: string | undefined, syncedAt: string | null | undefined): CatalogNameLookup {
  const { data } = useQuery({
    queryKey: [...queryKey('catalog.listNames', { storeId: storeId ?? '' }), syncedAt ?? ''],
    queryFn: () => call('catalog.listNames', { storeId: storeId! }),
    enabled: !!storeId && !!syncedAt,
    staleTime: Infinity,
    // Names are a nicety over ids: a store that cannot be reached leaves the ids, without a retry storm.
    retry: false,
  });
  return data ? lookupOf(data) : NO_NAMES;
}

const lookups = new WeakMap<CatalogNames, CatalogNameLookup>();

/** One lookup per answer, kept while the answer is cached: the grid's columns (and row model) outlive a visit. */
function lookupOf(data: CatalogNames): CatalogNameLookup {
  let lookup = lookups.get(data);
  if (!lookup) {
    lookup = { categories: new Map(data.categories.map((c) => [c.id, c.name])), brands: new Map(data.brands.map((b) => [b.id, b.name])) };
    lookups.set(data, lookup);
  }
  return lookup;
}
