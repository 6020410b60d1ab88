import { useState, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import type { ProductRowData } from '../../../../../shared/contract';
import type { DataGridHandle } from '../../../components/data-grid';
import { useToasts } from '../../../components/toast-store';
import { ImagesPanel, type ImagesTarget } from './ImagesPanel';

interface Props {
  storeId: string;
  grid: RefObject<DataGridHandle | null>;
  products: readonly ProductRowData[];
}

/** The product of the selected cells (a variant row counts as its product), or null unless exactly one. */
export function selectedProduct(rowIds: readonly string[], products: readonly ProductRowData[]): ProductRowData | null {
  const byRow = new Map<string, ProductRowData>();
  for (const p of products) {
    byRow.set(`p${p.id}`, p);
    for (const v of p.variants) byRow.set(`v${v.id}`, p);
  }
  const owners = new Set(rowIds.map((id) => byRow.get(id)).filter((p): p is ProductRowData => !!p));
  return owners.size === 1 ? [...owners][0]! : null;
}

/** "Images…" in the grid's toolbar: opens the side panel for the selected product. */
export function ImagesButton({ storeId, grid, products }: Props) {
  const push = useToasts((s) => s.push);
  const [target, setTarget] = useState<ImagesTarget | null>(null);
  const open = () => {
    const product = selectedProduct((grid.current?.getSelectedCells() ?? []).map((c) => c.rowId), products);
    if (!product) return push('info', 'Select one product (or one of its variants) to see its images.');
    setTarget({ id: product.id, name: product.name, sku: product.sku });
  };
  return (
    <>
      <button type="button" className="button small" onClick={open} aria-expanded={target !== null}>
        Images…
      </button>
      {/* On the body, not in the toolbar: a side panel over the window's right edge, outside the toolbar's keyboard order. */}
      {target && createPortal(<ImagesPanel key={`${storeId}:${target.id}`} storeId={storeId} product={target} onClose={() => setTarget(null)} />, document.body)}
    </>
  );
}
