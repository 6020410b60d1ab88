import { useCallback, useMemo, type ReactNode, type Ref } from 'react';
import { editValueProblem, type EditCheckContext, type JobEdit, type JsonValue, type ProductRowData, type StagedEdit } from '../../../../shared/contract';
import { call } from '../../api/client';
import { DataGrid, type DataGridHandle, type EditTarget, type NewRowDef } from '../../components/data-grid';
import { productColumns, type CatalogNameLookup } from './product-columns';
import { catalogRows, rowId, subRows } from './product-rows';

interface Props {
  storeId: string;
  products: readonly ProductRowData[];
  staged: readonly StagedEdit[];
  stagedRevision?: number;
  /** The store-aware checks (decimal places, SKUs) a typed value must pass, as main checks them. */
  checks?: EditCheckContext;
  /** Category and brand names (ids show until they arrive). */
  names?: CatalogNameLookup;
  toolbar?: ReactNode;
  /** The quick-entry row at the grid's end (new products). */
  newRow?: NewRowDef;
  ref?: Ref<DataGridHandle>;
}

/** The Products screen's grid: products expanding to their variants, over the shared grid. */
export function ProductsGrid({ storeId, products, staged, stagedRevision, checks, names, toolbar, newRow, ref }: Props) {
  const rows = useMemo(() => catalogRows(products), [products]);
  const columns = useMemo(() => productColumns(names), [names]);
  const onStage = useCallback(async (edits: JobEdit[]) => (await call('staging.stage', { storeId, edits })).revision, [storeId]);
  const validate = useCallback((target: EditTarget, value: JsonValue) => (checks ? editValueProblem({ entity: target.entity, id: target.id, field: target.field, to: value }, checks) : null), [checks]);
  return (
    <DataGrid
      label="Products"
      storeId={storeId}
      gridId="products"
      rows={rows}
      columns={columns}
      getRowId={rowId}
      getSubRows={subRows}
      staged={staged}
      {...(stagedRevision !== undefined ? { stagedRevision } : {})}
      onStage={onStage}
      validate={validate}
      toolbar={toolbar}
      {...(newRow ? { newRow } : {})}
      ref={ref}
    />
  );
}
