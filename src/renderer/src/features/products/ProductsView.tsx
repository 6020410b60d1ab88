import { useMemo, useRef } from 'react';
import { buildSkuIndex, type ProductRowData, type StagedChange, type StagedEdit } from '../../../../shared/contract';
import { rowsAtVersion } from '../../api/product-rows';
import type { DataGridHandle } from '../../components/data-grid';
import { CatalogPanel } from '../catalog/CatalogPanel';
import { useCatalogStatus } from '../catalog/useCatalog';
import { StagedChanges } from '../staging/StagedChanges';
import { fieldLabel } from '../staging/review';
import { useStaging } from '../staging/useStaging';
import { useActiveStore } from '../stores/StoreSwitcher';
import { CsvActions } from './csv/CsvActions';
import { AuthoringToolbar } from './authoring/AuthoringToolbar';
import { ImagesButton } from './images/ImagesButton';
import { CatalogChanges } from './authoring/CatalogChanges';
import { newProductRow } from './authoring/new-product-row';
import { useStageCatalogChanges, useStagedCatalogChanges } from './authoring/useAuthoring';
import { ProductsGrid } from './ProductsGrid';
import { BulkRules } from './rules/BulkRules';
import { rowInfoLookup } from './rules/row-info';
import { useCatalogNames } from './useCatalogNames';
import { useProducts } from './useProducts';

const NO_EDITS: StagedEdit[] = [];
const NO_PRODUCTS: readonly ProductRowData[] = [];
const NO_CHANGES: readonly StagedChange[] = [];
const SOURCE_COLUMNS = ['price', 'sale_price', 'cost_price', 'retail_price'].map((id) => ({ id, label: fieldLabel(id) }));

/** Products: the catalog cache, the grid over it, rules over a selection, and the changes staged from it. */
export function ProductsView() {
  const store = useActiveStore();
  const status = useCatalogStatus(store?.id);
  const products = useProducts(store?.id, status.data?.syncedAt);
  const staging = useStaging(store?.id);
  const names = useCatalogNames(store?.id, status.data?.syncedAt);
  const grid = useRef<DataGridHandle>(null);
  // Rows a job or a webhook changed are patched into the cached list in place (live-events), which
  // moves its version: a new array then tells the grid to paint them.
  const rows = products.data ? rowsAtVersion(products.data) : NO_PRODUCTS;
  const staged = staging.data?.edits ?? NO_EDITS;
  const decimalPlaces = status.data?.decimalPlaces ?? 2;
  const currency = status.data?.currency ?? null;
  const checks = useMemo(() => ({ money: { currency, decimalPlaces }, skuOwner: buildSkuIndex(rows) }), [currency, decimalPlaces, rows]);
  const rowInfo = useMemo(() => rowInfoLookup(rows, staged), [rows, staged]);
  const catalogChanges = useStagedCatalogChanges(store?.id).data?.changes ?? NO_CHANGES;
  const { mutateAsync: stageCatalog } = useStageCatalogChanges(store?.id);
  const newRow = useMemo(() => newProductRow(checks, catalogChanges, stageCatalog), [checks, catalogChanges, stageCatalog]);
  return (
    <div className="products-view">
      <CatalogPanel />
      {store && rows.length > 0 ? (
        <ProductsGrid
          ref={grid}
          storeId={store.id}
          products={rows}
          staged={staged}
          {...(staging.data ? { stagedRevision: staging.data.revision } : {})}
          checks={checks}
          names={names}
          newRow={newRow}
          toolbar={
            <>
              <BulkRules grid={grid} rowInfo={rowInfo} columnLabel={fieldLabel} sourceColumns={SOURCE_COLUMNS} decimalPlaces={decimalPlaces} currency={currency} />
              <CsvActions grid={grid} storeId={store.id} products={rows} staged={staged} checks={checks} decimalPlaces={decimalPlaces} />
              <AuthoringToolbar storeId={store.id} grid={grid} products={rows} checks={checks} />
              <ImagesButton storeId={store.id} grid={grid} products={rows} />
            </>
          }
        />
      ) : (
        <div className="panel-message">
          <p>{products.isFetching ? 'Reading the catalog…' : 'Load the catalog to edit products here.'}</p>
        </div>
      )}
      {store && <CatalogChanges storeId={store.id} />}
      <StagedChanges products={rows} decimalPlaces={decimalPlaces} />
    </div>
  );
}
