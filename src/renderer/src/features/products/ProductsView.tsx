import { CatalogPanel } from '../catalog/CatalogPanel';
import { useCatalog } from '../catalog/useCatalog';
import { StagedChanges } from '../staging/StagedChanges';
import { useStaging } from '../staging/useStaging';
import { useActiveStore } from '../stores/StoreSwitcher';
import { ProductsGrid } from './ProductsGrid';
import { useProducts } from './useProducts';

const NO_EDITS: never[] = [];

/** Products: the catalog cache, the grid over it, and the changes staged from it. */
export function ProductsView() {
  const store = useActiveStore();
  const { status } = useCatalog(store?.id);
  const products = useProducts(store?.id, status.data?.syncedAt);
  const staging = useStaging(store?.id);
  return (
    <div className="products-view">
      <CatalogPanel />
      {store && products.data && products.data.length > 0 ? (
        <ProductsGrid storeId={store.id} products={products.data} staged={staging.data?.edits ?? NO_EDITS} {...(staging.data ? { stagedRevision: staging.data.revision } : {})} />
      ) : (
        <div className="panel-message">
          <p>{products.isFetching ? 'Reading the catalog…' : 'Load the catalog to edit products here.'}</p>
        </div>
      )}
      <StagedChanges />
    </div>
  );
}
