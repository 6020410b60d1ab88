import { useCallback, useMemo, useState } from 'react';
import type { JobEdit, OrderDetail, OrderRowData, ProductRowData, StagedEdit } from '../../../../shared/contract';
import { filterOrders, type OrderFilter } from '../../../../shared/orders/filter';
import { call } from '../../api/client';
import { DataGrid, type SelectedCell } from '../../components/data-grid';
import { useToasts } from '../../components/toast-store';
import { StagedChanges } from '../staging/StagedChanges';
import { useStaging } from '../staging/useStaging';
import { useActiveStore } from '../stores/StoreSwitcher';
import { openPrintPreview } from '../print/open-print';
import { OrderDrawer } from './OrderDrawer';
import { OrderFilters } from './OrderFilters';
import { orderColumns } from './order-columns';
import { OrdersPanel } from './OrdersPanel';
import { ShipDialog } from './ShipDialog';
import { StatusDialog } from './StatusDialog';
import { useOrders, useOrdersStatus } from './useOrders';
import { useOrderStatuses } from './useOrderStatuses';
import './orders.css';

const NO_EDITS: StagedEdit[] = [];
const NO_ORDERS: readonly OrderRowData[] = [];
const NO_PRODUCTS: readonly ProductRowData[] = [];
const rowId = (row: OrderRowData) => `o${row.id}`;

type Open = { kind: 'status' } | { kind: 'ship'; target: 'selection' | OrderDetail } | null;

/** Orders: the local cache in the shared grid, a detail drawer, batch status changes and shipments. */
export function OrdersView() {
  const store = useActiveStore();
  const status = useOrdersStatus(store?.id);
  const orders = useOrders(store?.id, status.data?.syncedAt);
  const staging = useStaging(store?.id);
  const push = useToasts((s) => s.push);
  const [filter, setFilter] = useState<OrderFilter>({});
  const [selectedIds, setSelectedIds] = useState<number[]>([]);
  const [drawer, setDrawer] = useState<number | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const cached = orders.data;
  // Rows a job or a shipment changed are patched into the cached list in place (live-events), which moves its version.
  const all = useMemo(() => (cached ? cached.rows.slice() : NO_ORDERS), [cached, cached?.version]); // eslint-disable-line react-hooks/exhaustive-deps
  const rows = useMemo(() => filterOrders(all, filter), [all, filter]);
  const naming = useOrderStatuses(store?.id);
  const statuses = naming.list;
  const columns = useMemo(() => orderColumns(naming), [naming]);
  const byId = useMemo(() => new Map(all.map((o) => [o.id, o])), [all]);
  const selected = useMemo(() => selectedIds.flatMap((id) => byId.get(id) ?? []), [selectedIds, byId]);
  const onSelectionChange = useCallback((cells: () => SelectedCell[]) => setSelectedIds([...new Set(cells().map((c) => Number(c.rowId.slice(1))))]), []);
  const storeId = store?.id;
  const onStage = useCallback(async (edits: JobEdit[]) => (await call('staging.stage', { storeId: storeId!, edits })).revision, [storeId]);
  const done = (message: string) => {
    setOpen(null);
    push('success', message);
  };
  if (!store) return null;
  const n = selected.length;
  const print = (kind: 'pickList' | 'packingSlips') => openPrintPreview({ kind, storeId: store.id, orderIds: selected.map((o) => o.id) });
  const toolbar = (
    <>
      <span className="muted small" role="status" aria-label="Selected orders">
        {n === 0 ? 'No orders selected' : `${n} ${n === 1 ? 'order' : 'orders'} selected`}
      </span>
      <button type="button" className="button small" disabled={n === 0} onClick={() => setDrawer(selected[0]!.id)}>
        Details
      </button>
      <button type="button" className="button small" disabled={n === 0 || statuses.length === 0} onClick={() => setOpen({ kind: 'status' })}>
        Change status…
      </button>
      <button type="button" className="button small" disabled={n === 0} onClick={() => setOpen({ kind: 'ship', target: 'selection' })}>
        Ship what is left…
      </button>
      <button type="button" className="button small" disabled={n === 0} onClick={() => print('pickList')}>
        Pick list
      </button>
      <button type="button" className="button small" disabled={n === 0} onClick={() => print('packingSlips')}>
        Packing slips
      </button>
    </>
  );
  return (
    <div className="products-view orders-view">
      <OrdersPanel storeId={store.id} status={status.data} pending={status.isPending} />
      {status.data?.syncedAt && <OrderFilters statuses={statuses} filter={filter} onChange={setFilter} />}
      <div className="orders-main">
        {all.length > 0 ? (
          <DataGrid
            label="Orders"
            storeId={store.id}
            gridId="orders"
            rows={rows}
            columns={columns}
            getRowId={rowId}
            staged={staging.data?.edits ?? NO_EDITS}
            {...(staging.data ? { stagedRevision: staging.data.revision } : {})}
            onStage={onStage}
            onSelectionChange={onSelectionChange}
            toolbar={toolbar}
          />
        ) : (
          <div className="panel-message">
            <p>{orders.isFetching ? 'Reading the orders…' : 'Load the orders to work with them here.'}</p>
          </div>
        )}
        {drawer !== null && <OrderDrawer storeId={store.id} orderId={drawer} onShip={(detail) => setOpen({ kind: 'ship', target: detail })} onClose={() => setDrawer(null)} />}
      </div>
      <StagedChanges products={NO_PRODUCTS} orders={all} statuses={statuses} decimalPlaces={2} />
      {open?.kind === 'status' && <StatusDialog storeId={store.id} orders={selected} statuses={statuses} onDone={done} onClose={() => setOpen(null)} />}
      {open?.kind === 'ship' && (
        <ShipDialog
          storeId={store.id}
          target={open.target === 'selection' ? { kind: 'many', orders: selected } : { kind: 'one', detail: open.target }}
          onDone={done}
          onClose={() => setOpen(null)}
        />
      )}
    </div>
  );
}
