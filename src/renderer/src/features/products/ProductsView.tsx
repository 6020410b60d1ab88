import { CatalogPanel } from '../catalog/CatalogPanel';
import { useCatalogStatus } from '../catalog/useCatalog';
import { StagedChanges } from '../staging/StagedChanges';
import { useStaging } from '../staging/useStaging';
import { useActiveStore } from '../stores/StoreSwitcher';
import { ProductsGrid } from './ProductsGrid';
import { useProducts } from './useProducts';

/** Products: the catalog cache, the grid over it, and the changes staged from it. */
export function ProductsView() {
  const store = useActiveStore();
  const status = useCatalogStatus(store?.id);
  const products = useProducts(store?.id, status.data?.syncedAt);
  const staging = useStaging(store?.id);
  return (
    <div className="products-view">
      <CatalogPanel />
      {store && products.data && products.data.rows.length > 0 ? (
        <ProductsGrid storeId={store.id} rows={products.data.rows} staged={staging.data?.edits ?? []} />
      ) : (
        <div className="panel-message">
          <p>{products.isFetching ? 'Reading the catalog…' : 'Load the catalog to edit products here.'}</p>
        </div>
      )}
      <StagedChanges />
    </div>
  );
}
