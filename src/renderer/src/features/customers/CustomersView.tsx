import { useCallback, useMemo, useRef, useState } from 'react';
import type { CustomerRowData, JobEdit, JsonValue, ProductRowData, StagedEdit } from '../../../../shared/contract';
import { call } from '../../api/client';
import { DataGrid, type DataGridHandle, type EditTarget } from '../../components/data-grid';
import { useToasts } from '../../components/toast-store';
import { StagedChanges } from '../staging/StagedChanges';
import { useStaging } from '../staging/useStaging';
import { useActiveStore } from '../stores/StoreSwitcher';
import { AssignGroup } from './AssignGroup';
import { CreateCustomerDialog } from './CreateCustomerDialog';
import { customerColumns, type GroupLookup } from './customer-columns';
import { CustomersPanel } from './CustomersPanel';
import { GroupsDialog } from './GroupsDialog';
import { useCustomerGroups, useCustomers, useCustomersStatus } from './useCustomers';

const NO_EDITS: StagedEdit[] = [];
const NO_ROWS: readonly CustomerRowData[] = [];
const NO_PRODUCTS: readonly ProductRowData[] = [];
const rowId = (row: CustomerRowData) => String(row.id);

/** Customers: the cache, the shared grid over it, Assign to group, a new customer, the groups, and what is staged. */
export function CustomersView() {
  const store = useActiveStore();
  const status = useCustomersStatus(store?.id);
  const customers = useCustomers(store?.id, status.data?.syncedAt);
  const groups = useCustomerGroups(store?.id);
  const staging = useStaging(store?.id);
  const push = useToasts((s) => s.push);
  const grid = useRef<DataGridHandle>(null);
  const [dialog, setDialog] = useState<'create' | 'groups' | null>(null);
  const cached = customers.data;
  // Rows a job or a call changed are patched into the cached list in place (live-events), which moves its version.
  const rows = useMemo(() => (cached ? cached.rows.slice() : NO_ROWS), [cached, cached?.version]); // eslint-disable-line react-hooks/exhaustive-deps
  const groupList = useMemo(() => groups.data ?? [], [groups.data]);
  const lookup = useMemo<GroupLookup>(() => ({ names: new Map(groupList.map((g) => [g.id, g.name])), options: groupList.map((g) => g.name) }), [groupList]);
  const columns = useMemo(() => customerColumns(lookup), [lookup]);
  const named = useMemo(() => ({ rows, groups: lookup.names }), [rows, lookup]);
  const onStage = useCallback(async (edits: JobEdit[]) => (await call('staging.stage', { storeId: store!.id, edits })).revision, [store]);
  const validate = useCallback(
    (target: EditTarget, value: JsonValue) =>
      target.field === 'customer_group_id' && typeof value === 'number' && value !== 0 && groups.data && !lookup.names.has(value) ? `The store has no customer group ${value}.` : null,
    [groups.data, lookup],
  );
  const staged = staging.data?.edits ?? NO_EDITS;
  const actions = store && (
    <>
      <button type="button" className="button" onClick={() => setDialog('groups')}>
        Groups…
      </button>
      <button type="button" className="button primary" onClick={() => setDialog('create')}>
        New customer…
      </button>
    </>
  );
  return (
    <div className="products-view">
      <CustomersPanel actions={actions} />
      {store && rows.length > 0 ? (
        <DataGrid
          label="Customers"
          storeId={store.id}
          gridId="customers"
          rows={rows}
          columns={columns}
          getRowId={rowId}
          staged={staged}
          {...(staging.data ? { stagedRevision: staging.data.revision } : {})}
          onStage={onStage}
          validate={validate}
          toolbar={<AssignGroup grid={grid} groups={groupList} />}
          ref={grid}
        />
      ) : (
        <div className="panel-message">
          <p>{customers.isFetching ? 'Reading the customers…' : 'Load the customers to edit them here.'}</p>
        </div>
      )}
      <StagedChanges products={NO_PRODUCTS} customers={named} decimalPlaces={2} />
      {store && dialog === 'create' && (
        <CreateCustomerDialog
          storeId={store.id}
          groups={groupList}
          onClose={() => setDialog(null)}
          onCreated={(c) => {
            setDialog(null);
            push('success', `Created ${c.first_name} ${c.last_name} (${c.email}), customer #${c.id}.`);
          }}
        />
      )}
      {store && dialog === 'groups' && <GroupsDialog storeId={store.id} onClose={() => setDialog(null)} />}
    </div>
  );
}
