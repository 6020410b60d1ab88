import { useState, type RefObject } from 'react';
import type { ChangeInput, NewItemContext, ProductRowData } from '../../../../../shared/contract';
import type { DataGridHandle } from '../../../components/data-grid';
import { Dialog } from '../../../components/Dialog';
import { useToasts } from '../../../components/toast-store';
import { NewProductDialog } from './NewProductDialog';
import { NewVariantsDialog } from './NewVariantsDialog';
import { useStageCatalogChanges } from './useAuthoring';
import './authoring.css';

interface Props {
  storeId: string;
  grid: RefObject<DataGridHandle | null>;
  products: readonly ProductRowData[];
  checks: NewItemContext;
}

export interface DeleteTarget {
  change: ChangeInput;
  label: string;
}

/** The selected grid rows as deletes: a product's own row deletes it; a variant row deletes that variant (unless its product goes too). */
export function deleteTargets(rowIds: readonly string[], products: readonly ProductRowData[]): DeleteTarget[] {
  const byId = new Map(products.map((p) => [p.id, p]));
  const variantOwner = new Map(products.flatMap((p) => p.variants.map((v) => [v.id, p] as const)));
  const ids = [...new Set(rowIds)];
  const productIds = new Set(ids.filter((id) => id.startsWith('p')).map((id) => Number(id.slice(1))));
  const targets: DeleteTarget[] = [];
  for (const id of productIds) {
    const p = byId.get(id);
    if (p) targets.push({ change: { op: 'deleteProduct', productId: id }, label: `Product “${p.name}” (${p.sku})` });
  }
  for (const id of ids.filter((r) => r.startsWith('v')).map((r) => Number(r.slice(1)))) {
    const p = variantOwner.get(id);
    const v = p?.variants.find((x) => x.id === id);
    if (!p || !v || productIds.has(p.id)) continue;
    targets.push({ change: { op: 'deleteVariant', productId: p.id, variantId: id }, label: `Variant ${v.sku} (${v.option_values.map((o) => o.label).join(', ')}) of “${p.name}”` });
  }
  return targets;
}

function selectedRowIds(grid: RefObject<DataGridHandle | null>): string[] {
  return [...new Set((grid.current?.getSelectedCells() ?? []).map((c) => c.rowId))];
}

/** New product, New variants and Delete, next to the grid's other actions. */
export function AuthoringToolbar({ storeId, grid, products, checks }: Props) {
  const push = useToasts((s) => s.push);
  const [open, setOpen] = useState<null | { kind: 'product' } | { kind: 'variants'; product: ProductRowData } | { kind: 'delete'; targets: DeleteTarget[] }>(null);
  const variantsFor = () => {
    const ids = selectedRowIds(grid);
    const variantOwner = new Map<string, ProductRowData>(products.flatMap((p) => p.variants.map((v) => [`v${v.id}`, p] as const)));
    const owners = new Set(ids.map((id) => (id.startsWith('p') ? products.find((p) => `p${p.id}` === id) : variantOwner.get(id))).filter(Boolean));
    if (owners.size !== 1) return push('info', 'Select one product (or one of its variants) to add variants to.');
    setOpen({ kind: 'variants', product: [...owners][0]! });
  };
  const remove = () => {
    const targets = deleteTargets(selectedRowIds(grid), products);
    if (targets.length === 0) return push('info', 'Select the products or variants to delete first.');
    setOpen({ kind: 'delete', targets });
  };
  return (
    <>
      <button type="button" className="button small" onClick={() => setOpen({ kind: 'product' })}>
        New product…
      </button>
      <button type="button" className="button small" onClick={variantsFor}>
        New variants…
      </button>
      <button type="button" className="button small danger" onClick={remove}>
        Delete…
      </button>
      {open?.kind === 'product' && <NewProductDialog storeId={storeId} checks={checks} onClose={() => setOpen(null)} />}
      {open?.kind === 'variants' && <NewVariantsDialog storeId={storeId} product={open.product} checks={checks} onClose={() => setOpen(null)} />}
      {open?.kind === 'delete' && <DeleteDialog storeId={storeId} targets={open.targets} onClose={() => setOpen(null)} />}
    </>
  );
}

function countWords(targets: readonly DeleteTarget[]): string {
  const products = targets.filter((t) => t.change.op === 'deleteProduct').length;
  const variants = targets.length - products;
  const part = (n: number, one: string, many: string) => (n ? `${n} ${n === 1 ? one : many}` : '');
  return [part(products, 'product', 'products'), part(variants, 'variant', 'variants')].filter(Boolean).join(' and ');
}

/** The confirmation that names how many and which; deleting is staged like any edit. */
function DeleteDialog({ storeId, targets, onClose }: { storeId: string; targets: DeleteTarget[]; onClose(): void }) {
  const push = useToasts((s) => s.push);
  const stage = useStageCatalogChanges(storeId);
  const words = countWords(targets);
  const confirm = () =>
    stage.mutate(
      targets.map((t) => t.change),
      {
        onSuccess: () => {
          push('info', `Deleting ${words} is staged: review and apply it under Catalog changes`);
          onClose();
        },
      },
    );
  const footer = (
    <>
      <span className="spacer" />
      <button type="button" className="button" onClick={onClose}>
        Cancel
      </button>
      <button type="button" className="button primary danger-fill" onClick={confirm} disabled={stage.isPending}>
        Stage delete of {words}
      </button>
    </>
  );
  return (
    <Dialog title={`Delete ${words}?`} onClose={onClose} footer={footer}>
      <p>These are deleted from the store when you apply the catalog changes. Undo recreates them under new ids, as far as the API allows.</p>
      <ul className="delete-list" aria-label="To delete">
        {targets.map((t) => (
          <li key={t.label}>{t.label}</li>
        ))}
      </ul>
      {stage.error && (
        <p className="form-error" role="alert">
          {stage.error.message}
        </p>
      )}
    </Dialog>
  );
}
