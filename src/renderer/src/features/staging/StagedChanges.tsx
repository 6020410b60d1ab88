import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { stagedKey, type OrderRowData, type OrderStatus, type ProductRowData, type StagedEdit } from '../../../../shared/contract';
import { rowsAtVersion } from '../../api/product-rows';
import { useCatalogStatus } from '../catalog/useCatalog';
import { useCustomerGroups, useCustomers, useCustomersStatus } from '../customers/useCustomers';
import { useProducts } from '../products/useProducts';
import { useActiveStore } from '../stores/StoreSwitcher';
import { ApplyDialog } from './ApplyDialog';
import { fieldLabel, formatStaged, indexCatalog, nameHeaders, reviewCache, reviewStaged, rowName, type CatalogIndex, type Customers } from './review';
import { usePanelSize } from './usePanelSize';
import { useApplyStaged, useDiscardStaged, useResolveConflict, useStaging } from './useStaging';

interface Props {
  /** The local catalog's products, to name rows and check prices against. */
  products: readonly ProductRowData[];
  /** The customers and group names, where the screen has them, to name staged customer edits. */
  customers?: Customers;
  /** The local orders and the store's statuses, to name order rows and statuses (Orders screen). */
  orders?: readonly OrderRowData[];
  statuses?: readonly OrderStatus[];
  decimalPlaces: number;
}

/**
 * The review of what is staged for the active store, before it reaches the store: every change by
 * product name and SKU, column, old → new as the store formats it, counts per column, warnings
 * confirmed before Apply, and what the last job said (a failure's message; a conflict's store value
 * with Keep mine / Take theirs). Folds away or resizes so the grid keeps the room.
 */
export function StagedChanges({ products, customers, orders, statuses, decimalPlaces }: Props) {
  const store = useActiveStore();
  const { data, error } = useStaging(store?.id);
  const discard = useDiscardStaged(store?.id);
  const apply = useApplyStaged(store?.id);
  const resolve = useResolveConflict(store?.id);
  const panel = usePanelSize();
  const [reviewing, setReviewing] = useState(false);
  const edits = useMemo(() => data?.edits ?? [], [data]);
  const named = useProductsToName(store?.id, edits, products);
  const people = useCustomersToName(store?.id, edits, customers);
  const catalog = useMemo(() => indexCatalog(named, { customers: people, orders, statuses }), [named, people, orders, statuses]);
  const [cache] = useState(reviewCache);
  const review = useMemo(() => reviewStaged(edits, catalog, decimalPlaces, cache), [edits, catalog, decimalPlaces, cache]);
  const ready = useMemo(() => edits.filter((e) => !e.jobId), [edits]);
  if (!store) return null;
  const applying = edits.length - ready.length;
  const folded = panel.collapsed || edits.length === 0;
  return (
    // With nothing staged the panel is just its header: the grid keeps the room.
    <section className={`staged-changes${folded ? ' collapsed' : ''}`} aria-label="Staged changes" style={folded ? undefined : { flexBasis: panel.height }}>
      {!folded && <Resizer height={panel.height} onResize={panel.setHeight} />}
      <header className="job-detail-header staged-header">
        <button type="button" className="icon-button" aria-expanded={!panel.collapsed} aria-controls="staged-list" aria-label={panel.collapsed ? 'Show staged changes' : 'Hide staged changes'} onClick={panel.toggle}>
          {panel.collapsed ? '▸' : '▾'}
        </button>
        <h2>Staged changes</h2>
        <span className="staged-store" aria-label={`Applies to ${store.name}`}>
          for <span className="store-dot" style={{ background: store.color }} aria-hidden /> <strong>{store.name}</strong>
        </span>
        <span className="muted" role="status">
          {edits.length === 0 ? 'nothing staged' : `${edits.length.toLocaleString()} ${edits.length === 1 ? 'change' : 'changes'}`}
          {applying > 0 && ` · ${applying.toLocaleString()} being applied`}
        </span>
        <span className="field-counts" aria-label="Staged per column">
          {review.countsByField.map(([label, count]) => (
            <span key={label} className="chip">
              {label} {count.toLocaleString()}
            </span>
          ))}
        </span>
        {review.warnings.size > 0 && <span className="chip warning">{review.warnings.size.toLocaleString()} to check</span>}
        {error && <span className="error-text">{error.message}</span>}
        <span className="staged-buttons">
          <button type="button" className="button small" disabled={ready.length === 0 || discard.isPending} onClick={() => window.confirm(`Discard ${ready.length} staged changes?`) && discard.mutate(undefined)}>
            Discard all
          </button>
          <button type="button" className="button small primary" disabled={ready.length === 0 || apply.isPending} onClick={() => setReviewing(true)}>
            Review and apply…
          </button>
        </span>
      </header>
      {!panel.collapsed && edits.length > 0 && (
        <StagedList
          edits={edits}
          catalog={catalog}
          decimalPlaces={decimalPlaces}
          warnings={review.warnings}
          onDiscard={(key) => discard.mutate([key])}
          onResolve={(edit, choice) => resolve.mutate({ edit, choice })}
          busy={resolve.isPending}
        />
      )}
      {reviewing && (
        <ApplyDialog
          storeName={store.name}
          ready={ready}
          countsByField={reviewStaged(ready, catalog, decimalPlaces).countsByField}
          warnings={review.warnings}
          nameOf={(edit) => rowName(edit, catalog)}
          keyOf={stagedKey}
          onApply={(title) => {
            setReviewing(false);
            apply.mutate(title);
          }}
          onClose={() => setReviewing(false)}
        />
      )}
    </section>
  );
}

/** A drag handle (and arrow keys) on the panel's top edge. */
function Resizer({ height, onResize }: { height: number; onResize(height: number): void }) {
  const start = useRef<{ y: number; height: number } | null>(null);
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    start.current = { y: e.clientY, height };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => start.current && onResize(start.current.height + start.current.y - e.clientY);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.key === 'ArrowUp' ? 24 : e.key === 'ArrowDown' ? -24 : 0;
    if (step === 0) return;
    e.preventDefault();
    onResize(height + step);
  };
  return (
    <div
      className="panel-resizer"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize staged changes"
      aria-valuenow={height}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => (start.current = null)}
      onKeyDown={onKeyDown}
    />
  );
}

interface ListProps {
  edits: readonly StagedEdit[];
  catalog: CatalogIndex;
  decimalPlaces: number;
  warnings: ReadonlyMap<string, string[]>;
  onDiscard(key: string): void;
  onResolve(edit: StagedEdit, choice: 'mine' | 'theirs'): void;
  busy: boolean;
}

function StagedList({ edits, ...rest }: ListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design; this component is not memoized by the compiler.
  const virtual = useVirtualizer({ count: edits.length, getScrollElement: () => scroller.current, estimateSize: () => 28, overscan: 12 });
  return (
    <div id="staged-list" className="row-results" role="table" aria-label="Staged edits" aria-rowcount={edits.length + 1} ref={scroller}>
      <div role="row" className="row-result head staged" aria-rowindex={1}>
        {[...nameHeaders(edits), 'Column', 'Store had', 'New value', 'Note'].map((label) => (
          <span key={label} role="columnheader">
            {label}
          </span>
        ))}
        <span role="columnheader" aria-label="Actions" />
      </div>
      <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
        {virtual.getVirtualItems().map((item) => (
          <StagedRow key={item.key} index={item.index} edit={edits[item.index]!} top={item.start} {...rest} />
        ))}
      </div>
    </div>
  );
}

function noteText(edit: StagedEdit, decimalPlaces: number, warnings: readonly string[] | undefined, catalog: CatalogIndex): string {
  if (edit.jobId) return 'being applied…';
  const { note } = edit;
  if (note?.status === 'conflict') return `conflict: the store now has ${formatStaged(edit.entity, edit.field, note.serverValue ?? null, decimalPlaces, catalog)}`;
  if (note) return note.message ? `${note.status}: ${note.message}` : note.status;
  return warnings ? `check: ${warnings.join('; ')}` : '';
}

function StagedRow({ edit, index, top, catalog, decimalPlaces, warnings, onDiscard, onResolve, busy }: Omit<ListProps, 'edits'> & { edit: StagedEdit; index: number; top: number }) {
  const key = stagedKey(edit);
  const name = rowName(edit, catalog);
  const rowWarnings = warnings.get(key);
  const note = noteText(edit, decimalPlaces, rowWarnings, catalog);
  const state = edit.jobId ? 'pending' : (edit.note?.status ?? (rowWarnings ? 'warning' : 'staged'));
  const label = `${name.name} ${fieldLabel(edit.field)}`;
  return (
    <div role="row" aria-rowindex={index + 2} className={`row-result staged state-${state}`} style={{ transform: `translateY(${top}px)` }} data-key={key}>
      <span role="cell" title={name.name}>
        {name.name}
      </span>
      <span role="cell">{name.sku}</span>
      <span role="cell">{fieldLabel(edit.field)}</span>
      <span role="cell" className="num">
        {formatStaged(edit.entity, edit.field, edit.from, decimalPlaces, catalog)}
      </span>
      <span role="cell" className="num">
        {formatStaged(edit.entity, edit.field, edit.to, decimalPlaces, catalog)}
      </span>
      <span role="cell" title={note}>
        {note}
      </span>
      <span role="cell" className="staged-actions">
        {edit.note?.status === 'conflict' && !edit.jobId && (
          <>
            <button type="button" className="button small" disabled={busy} aria-label={`Keep mine: ${label}`} onClick={() => onResolve(edit, 'mine')}>
              Keep mine
            </button>
            <button type="button" className="button small" disabled={busy} aria-label={`Take theirs: ${label}`} onClick={() => onResolve(edit, 'theirs')}>
              Take theirs
            </button>
          </>
        )}
        <button type="button" className="icon-button" aria-label={`Discard: ${label}`} disabled={!!edit.jobId} onClick={() => onDiscard(key)}>
          ×
        </button>
      </span>
    </div>
  );
}

/**
 * The products that name staged product and variant edits. The Products screen passes its rows;
 * on the Orders or Customers screen product edits staged earlier are named from the same cached
 * catalog query (read only when such an edit is staged), not shown as bare ids.
 */
function useProductsToName(storeId: string | undefined, edits: readonly StagedEdit[], given: readonly ProductRowData[]): readonly ProductRowData[] {
  const needed = given.length === 0 && edits.some((e) => e.entity === 'product' || e.entity === 'variant');
  const status = useCatalogStatus(needed ? storeId : undefined);
  const products = useProducts(needed ? storeId : undefined, status.data?.syncedAt);
  return useMemo(() => (needed && products.data ? rowsAtVersion(products.data) : given), [needed, products.data, given]);
}

/**
 * The customers and group names to name staged customer edits: the screen's when it has them (the
 * Customers screen), else the cached customers when any customer edit is staged (Products, Orders).
 */
function useCustomersToName(storeId: string | undefined, edits: readonly StagedEdit[], given: Customers | undefined): Customers | undefined {
  const needed = !given && edits.some((e) => e.entity === 'customer');
  const status = useCustomersStatus(needed ? storeId : undefined);
  const customers = useCustomers(needed ? storeId : undefined, status.data?.syncedAt);
  const groups = useCustomerGroups(needed ? storeId : undefined);
  return useMemo(() => {
    if (!needed) return given;
    return customers.data && groups.data ? { rows: customers.data.rows, groups: new Map(groups.data.map((g) => [g.id, g.name])) } : undefined;
  }, [needed, given, customers.data, groups.data]);
}
