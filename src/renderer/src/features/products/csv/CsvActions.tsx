import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { type EditCheckContext, type ProductRowData, type StagedEdit } from '../../../../../shared/contract';
import { Dialog } from '../../../components/Dialog';
import type { DataGridHandle } from '../../../components/data-grid';
import { useToasts } from '../../../components/toast-store';
import { useUndoStore } from '../../../components/data-grid/model/undo-store';
import { call } from '../../../api/client';
import { PRODUCT_COLUMNS } from '../product-columns';
import { downloadCsv, viewToCsv } from './csv-export';
import type { HeaderStyle } from './csv-headers';
import { indexCatalog, type CatalogIndex } from './csv-index';
import { importEdits, type MatchContext } from './csv-match';
import { ImportDialog } from './ImportDialog';
import { runSliced } from './sliced';
import { useCsvImport } from './useCsvImport';

const COLUMNS = new Map(PRODUCT_COLUMNS.map((c) => [c.id, c]));
const LABELS: Record<string, string> = Object.fromEntries(PRODUCT_COLUMNS.map((c) => [c.id, c.label]));
const columnLabel = (id: string) => LABELS[id] ?? id;

interface Props {
  grid: RefObject<DataGridHandle | null>;
  storeId: string;
  products: readonly ProductRowData[];
  staged: readonly StagedEdit[];
  checks: EditCheckContext;
  decimalPlaces: number;
}

/** The Products toolbar's Export… and Import… buttons, and what they open. */
export function CsvActions(props: Props) {
  const [exporting, setExporting] = useState(false);
  const csv = useCsvFlow(props);
  const picker = useRef<HTMLInputElement>(null);
  useGridDrop(csv.open);
  return (
    <>
      <button type="button" className="button small" onClick={() => setExporting(true)}>
        Export CSV…
      </button>
      <button type="button" className="button small" onClick={() => picker.current?.click()}>
        Import CSV…
      </button>
      <input
        ref={picker}
        type="file"
        accept=".csv,.tsv,.txt,text/csv"
        aria-label="Import a CSV file"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) csv.open(file);
        }}
      />
      {exporting && <ExportDialog {...props} onClose={() => setExporting(false)} />}
      {csv.dialog}
    </>
  );
}

function ExportDialog({ grid, storeId, products, decimalPlaces, onClose }: Props & { onClose(): void }) {
  const [style, setStyle] = useState<HeaderStyle>('stockroom');
  const save = () => {
    const view = grid.current?.getView();
    if (!view) return;
    const parents = new Map<string, number>();
    for (const p of products) for (const v of p.variants) parents.set(`v${v.id}`, p.id);
    const csv = viewToCsv(view, { style, decimalPlaces, productOf: (rowId) => parents.get(rowId) });
    downloadCsv(csv, `products-${storeId}-${new Date().toISOString().slice(0, 10)}.csv`);
    onClose();
  };
  return (
    <Dialog
      title="Export the view as CSV"
      onClose={onClose}
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button primary" onClick={save}>
            Download CSV
          </button>
        </>
      }
    >
      <p className="muted small">The shown columns in their order, the filtered and sorted rows, each product followed by its variants; UTF-8 for Excel.</p>
      <fieldset className="csv-columns">
        <legend>Headers</legend>
        <label>
          <input type="radio" name="csv-style" checked={style === 'stockroom'} onChange={() => setStyle('stockroom')} /> Stockroom’s column names
        </label>
        <label>
          <input type="radio" name="csv-style" checked={style === 'bigcommerce'} onChange={() => setStyle('bigcommerce')} /> BigCommerce’s product-export names
        </label>
      </fieldset>
    </Dialog>
  );
}

/** What the matching compares with: the catalog's index (built a slice at a time, once per load) and the staged values. */
function useMatchContext(products: readonly ProductRowData[], staged: readonly StagedEdit[], checks: EditCheckContext) {
  const index = useRef<{ products: readonly ProductRowData[]; index: CatalogIndex } | null>(null);
  return useCallback(async (): Promise<MatchContext> => {
    if (index.current?.products !== products) index.current = { products, index: await runSliced(indexCatalog(products)) };
    // Made when a file is matched, not on every staged change (10,000 staged edits after a paste).
    const overlay = new Map(staged.map((e) => [`${e.entity}:${e.id}:${e.field}`, e.to]));
    return {
      index: index.current.index,
      columns: COLUMNS,
      checks,
      shown: (target, row) => {
        const key = `${target.entity}:${target.id}:${target.field}`;
        // Every importable column edits the field of its own name.
        return overlay.has(key) ? overlay.get(key)! : COLUMNS.get(target.field)!.value(row);
      },
    };
  }, [products, checks, staged]);
}

/** The import flow: parse, match, preview, then stage as one undo step. */
function useCsvFlow({ storeId, products, staged, checks, decimalPlaces }: Props) {
  const push = useToasts((s) => s.push);
  const csv = useCsvImport(useMatchContext(products, staged, checks), LABELS);
  const [staging, setStaging] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { state } = csv;

  // Staged in one call (main checks it again and takes all or nothing) and recorded as one step of
  // the grid's undo: the edits were checked as the grid checks typing when the preview was made.
  const stage = async () => {
    if (state.phase !== 'ready') return;
    setStaging(true);
    setFailure(null);
    try {
      const { edits, step } = await runSliced(importEdits(state.report));
      await call('staging.stage', { storeId, edits });
      useUndoStore.getState().record(storeId, step);
      push('info', `Staged ${edits.length.toLocaleString()} ${edits.length === 1 ? 'change' : 'changes'} from ${state.file.name}. Nothing is sent until you apply them.`);
      csv.close();
    } catch (error) {
      setFailure(`Nothing was staged: ${(error as Error).message}`);
    } finally {
      setStaging(false);
    }
  };

  const dialog =
    state.phase === 'idle' ? null : (
      <ImportDialog
        state={state}
        staging={staging}
        failure={failure}
        decimalPlaces={decimalPlaces}
        columnLabel={columnLabel}
        onClose={csv.close}
        onStage={() => void stage()}
        onOptions={(file, mark, take) => void csv.match(file, mark, take)}
      />
    );
  return { open: csv.open, dialog };
}

/** A CSV file dropped onto the Products grid opens the import (the grid is outlined while one is dragged over it). */
function useGridDrop(open: (file: File) => void) {
  const latest = useRef(open);
  useEffect(() => {
    latest.current = open;
  });
  useEffect(() => {
    const gridOf = (e: DragEvent) => (e.target instanceof Element ? e.target.closest('.data-grid') : null);
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
    const clear = () => document.querySelectorAll('.csv-drop-over').forEach((el) => el.classList.remove('csv-drop-over'));
    const onOver = (e: DragEvent) => {
      const grid = gridOf(e);
      clear();
      if (!grid || !hasFiles(e)) return;
      e.preventDefault();
      grid.classList.add('csv-drop-over');
    };
    const onDrop = (e: DragEvent) => {
      clear();
      const file = e.dataTransfer?.files[0];
      if (!gridOf(e) || !file) return;
      e.preventDefault();
      latest.current(file);
    };
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', clear);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', clear);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
}
