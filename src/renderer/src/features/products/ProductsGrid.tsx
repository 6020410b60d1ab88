import { useCallback, useMemo } from 'react';
import type { JobEdit, ProductRowData, StagedEdit } from '../../../../shared/contract';
import { call } from '../../api/client';
import { DataGrid } from '../../components/data-grid';
import { PRODUCT_COLUMNS } from './product-columns';
import { catalogRows, rowId, subRows } from './product-rows';

interface Props {
  storeId: string;
  products: readonly ProductRowData[];
  staged: readonly StagedEdit[];
  stagedRevision?: number;
}

/** The Products screen's grid: products expanding to their variants, over the shared grid. */
export function ProductsGrid({ storeId, products, staged, stagedRevision }: Props) {
  const rows = useMemo(() => catalogRows(products), [products]);
  const onStage = useCallback(async (edits: JobEdit[]) => (await call('staging.stage', { storeId, edits })).revision, [storeId]);
  return (
    <DataGrid
      label="Products"
      storeId={storeId}
      gridId="products"
      rows={rows}
      columns={PRODUCT_COLUMNS}
      getRowId={rowId}
      getSubRows={subRows}
      staged={staged}
      {...(stagedRevision !== undefined ? { stagedRevision } : {})}
      onStage={onStage}
    />
  );
}
