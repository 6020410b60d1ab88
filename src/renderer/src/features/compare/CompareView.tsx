import { useCallback, useMemo, useState, type FormEvent } from 'react';
import type { CompareResult } from '../../../../shared/contract';
import { DataGrid, type SelectedCell } from '../../components/data-grid';
import { useStoreList } from '../stores/useStores';
import { compareColumns, compareRowId, differences } from './compare-columns';
import { parseSkus, useCompareState } from './compare-store';
import { CopyPanel } from './CopyPanel';
import { useComparison } from './useCompare';
import './compare.css';

const NO_STAGING = () => Promise.reject(new Error('The comparison is read-only: copy values to a store instead.'));

/** Compare: price and stock of SKUs side by side across stores, and copying them from one store to another. */
export function CompareView() {
  const state = useCompareState();
  const comparison = useComparison(state.asked);
  return (
    <div className="compare-view">
      <CompareForm />
      {comparison.error && (
        <p className="form-error" role="alert">
          {comparison.error.message}
        </p>
      )}
      {comparison.isFetching && !comparison.data && <p className="panel-message">Comparing…</p>}
      {comparison.data && <Results result={comparison.data} />}
    </div>
  );
}

function CompareForm() {
  const { data } = useStoreList();
  const state = useCompareState();
  const stores = data?.stores ?? [];
  // Until the user picks, the first two stores (the active one first).
  const chosen = state.storeIds.length > 0 ? state.storeIds : defaultChoice(stores.map((s) => s.id), data?.activeStoreId ?? null);
  const toggle = (id: string, on: boolean) => state.setStoreIds(on ? [...chosen, id] : chosen.filter((x) => x !== id));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const skus = parseSkus(state.skusText);
    state.ask({ storeIds: chosen, ...(skus.length > 0 && { skus }) });
  };
  return (
    <form className="compare-form" aria-label="Compare stores" onSubmit={submit}>
      <fieldset className="compare-stores">
        <legend>Stores</legend>
        {stores.map((store) => (
          <label key={store.id} className="checkbox">
            <input type="checkbox" checked={chosen.includes(store.id)} onChange={(e) => toggle(store.id, e.target.checked)} />
            <span className="store-dot" style={{ background: store.color }} aria-hidden />
            {store.name}
            {store.connection && <span className="muted"> ({store.connection.currency})</span>}
          </label>
        ))}
      </fieldset>
      <label className="compare-skus">
        SKUs
        <textarea
          rows={2}
          value={state.skusText}
          placeholder="One per line or comma-separated; empty = every SKU the stores share"
          onChange={(e) => state.setSkusText(e.target.value)}
        />
      </label>
      <button type="submit" className="button primary" disabled={chosen.length < 2}>
        Compare
      </button>
    </form>
  );
}

function defaultChoice(ids: string[], active: string | null): string[] {
  const ordered = active ? [active, ...ids.filter((id) => id !== active)] : ids;
  return ordered.slice(0, 2);
}

function Results({ result }: { result: CompareResult }) {
  const columns = useMemo(() => compareColumns(result), [result]);
  const differing = useMemo(() => result.rows.filter((row) => differences(row, result.stores).length > 0), [result]);
  const [onlyDiffering, setOnlyDiffering] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const onSelectionChange = useCallback((cells: () => SelectedCell[]) => setSelected([...new Set(cells().map((c) => c.rowId))]), []);
  const unsynced = result.stores.filter((s) => s.syncedAt === null);
  const gridKey = result.stores.map((s) => s.storeId).join('+');
  return (
    <>
      <div className="compare-summary">
        <p role="status">
          {result.rows.length.toLocaleString()} {result.rows.length === 1 ? 'SKU' : 'SKUs'}
          {result.rows.length > 0 && ` · ${differing.length.toLocaleString()} differ`}
          {result.truncated && ' (the first ones by SKU; choose SKUs to see others)'}
          {result.unknown.length > 0 && ` · in no store: ${result.unknown.slice(0, 5).join(', ')}${result.unknown.length > 5 ? ` and ${result.unknown.length - 5} more` : ''}`}
          {unsynced.length > 0 && ` · no local catalog yet for ${unsynced.map((s) => s.name).join(', ')} (load it in Products)`}
          {result.rows.length === 0 && unsynced.length === 0 && ' · these stores share no SKUs'}
        </p>
        {differing.length > 0 && (
          <label className="checkbox">
            <input type="checkbox" checked={onlyDiffering} onChange={(e) => setOnlyDiffering(e.target.checked)} /> Only the SKUs that differ
          </label>
        )}
      </div>
      {result.rows.length > 0 && (
        <DataGrid
          label="Comparison"
          storeId={`compare-${gridKey}`.slice(0, 64)}
          gridId="compare"
          rows={onlyDiffering ? differing : result.rows}
          columns={columns}
          getRowId={compareRowId}
          staged={[]}
          onStage={NO_STAGING}
          onSelectionChange={onSelectionChange}
        />
      )}
      <CopyPanel stores={result.stores} selectedSkus={selected} />
    </>
  );
}
