import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CUSTOMERS_PAGE_MAX, type CustomerRowData, type NewCustomer } from '../../../../shared/contract';
import { call } from '../../api/client';
import { customerRows, type CustomerRows } from '../../api/customer-rows';
import { queryKey } from '../../api/queries';
import { useToasts } from '../../components/toast-store';

/** What the local customers cache of a store holds; refetched when a sync ends (live-events). */
export function useCustomersStatus(storeId: string | undefined) {
  return useQuery({
    queryKey: queryKey('customers.getStatus', { storeId: storeId ?? '' }),
    queryFn: () => call('customers.getStatus', { storeId: storeId! }),
    enabled: !!storeId,
  });
}

/** Every cached customer, read once per sync; rows a job or a call changes are patched in (data.rowsChanged). */
export function useCustomers(storeId: string | undefined, syncedAt: string | null | undefined) {
  return useQuery<CustomerRows>({
    queryKey: [...queryKey('customers.list', { storeId: storeId ?? '' }), syncedAt ?? ''],
    queryFn: async () => {
      const rows: CustomerRowData[] = [];
      for (let offset = 0; ; offset += CUSTOMERS_PAGE_MAX) {
        const page = await call('customers.list', { storeId: storeId!, offset, limit: CUSTOMERS_PAGE_MAX });
        rows.push(...page.customers);
        if (page.customers.length === 0 || rows.length >= page.total) return customerRows(rows);
      }
    },
    enabled: !!storeId && !!syncedAt,
    staleTime: Infinity,
  });
}

export function useCustomersSync(storeId: string | undefined) {
  const push = useToasts((s) => s.push);
  return useMutation({
    mutationFn: (mode: 'refresh' | 'full') => call('customers.sync', { storeId: storeId!, mode }),
    onError: (error) => push('error', error.message),
  });
}

export function useCustomerGroups(storeId: string | undefined) {
  return useQuery({
    queryKey: queryKey('customers.listGroups', { storeId: storeId ?? '' }),
    queryFn: () => call('customers.listGroups', { storeId: storeId! }),
    enabled: !!storeId,
  });
}

/** Group changes: the list (and its member counts) is read again after each. */
export function useGroupActions(storeId: string | undefined) {
  const client = useQueryClient();
  const settled = () => client.invalidateQueries({ queryKey: queryKey('customers.listGroups', { storeId: storeId ?? '' }) });
  return {
    create: useMutation({ mutationFn: (name: string) => call('customers.createGroup', { storeId: storeId!, name }), onSettled: settled }),
    rename: useMutation({ mutationFn: ({ id, name }: { id: number; name: string }) => call('customers.renameGroup', { storeId: storeId!, id, name }), onSettled: settled }),
    remove: useMutation({ mutationFn: (id: number) => call('customers.deleteGroup', { storeId: storeId!, id }), onSettled: settled }),
  };
}

export function useCreateCustomer(storeId: string | undefined) {
  return useMutation({ mutationFn: (customer: NewCustomer) => call('customers.create', { storeId: storeId!, customer }) });
}
