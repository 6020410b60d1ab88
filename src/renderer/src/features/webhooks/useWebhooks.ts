import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ParamsOf, ReceiverInfo, Webhook, WebhookList } from '../../../../shared/contract';
import { call } from '../../api/client';
import { queryKey } from '../../api/queries';
import { useToasts } from '../../components/toast-store';

/** The store's hooks and the receiver's URLs. Refetched now and then: the store may deactivate a hook whose deliveries fail. */
export function useHooks(storeId: string) {
  return useQuery({
    queryKey: queryKey('webhooks.list', { storeId }),
    queryFn: () => call('webhooks.list', { storeId }),
    staleTime: 0,
    refetchInterval: 60_000,
  });
}

/** The receiver's URLs for this store; asks nothing of the store, so it shows even when the store does not answer. */
export function useReceiver(storeId: string) {
  return useQuery({
    queryKey: queryKey('webhooks.getReceiver', { storeId }),
    queryFn: () => call('webhooks.getReceiver', { storeId }),
    staleTime: 0,
  });
}

/** The receiver's event log, newest first, kept live by webhooks.received while the screen is open. */
/** The receiver's event log, newest first; webhooks.received events are added by api/live-events. */
export function useWebhookEvents(storeId: string) {
  return useQuery({
    queryKey: queryKey('webhooks.listEvents', { storeId }),
    queryFn: () => call('webhooks.listEvents', { storeId }),
    staleTime: 0,
  });
}

function patchList(storeId: string, patch: (list: WebhookList) => WebhookList) {
  return (list: WebhookList | undefined) => (list && list.storeId === storeId ? patch(list) : list);
}

const upsert = (hooks: Webhook[], hook: Webhook) => (hooks.some((h) => h.id === hook.id) ? hooks.map((h) => (h.id === hook.id ? hook : h)) : [...hooks, hook]);

export function useCreateHook(storeId: string) {
  const client = useQueryClient();
  const push = useToasts((s) => s.push);
  return useMutation({
    mutationFn: (params: Omit<ParamsOf<'webhooks.create'>, 'storeId'>) => call('webhooks.create', { storeId, ...params }),
    onSuccess: (hook) => {
      client.setQueryData(queryKey('webhooks.list', { storeId }), patchList(storeId, (l) => ({ ...l, hooks: upsert(l.hooks, hook) })));
      push('success', `Created a ${hook.scope} webhook.`);
    },
  });
}

export function useSetHookActive(storeId: string) {
  const client = useQueryClient();
  const push = useToasts((s) => s.push);
  return useMutation({
    mutationFn: ({ id, isActive }: { id: number; isActive: boolean }) => call('webhooks.update', { storeId, id, isActive }),
    onSuccess: (hook) => client.setQueryData(queryKey('webhooks.list', { storeId }), patchList(storeId, (l) => ({ ...l, hooks: upsert(l.hooks, hook) }))),
    onError: (error) => push('error', error.message),
  });
}

export function useDeleteHook(storeId: string) {
  const client = useQueryClient();
  const push = useToasts((s) => s.push);
  return useMutation({
    mutationFn: (id: number) => call('webhooks.delete', { storeId, id }),
    onSuccess: ({ id }) => client.setQueryData(queryKey('webhooks.list', { storeId }), patchList(storeId, (l) => ({ ...l, hooks: l.hooks.filter((h) => h.id !== id) }))),
    onError: (error) => push('error', error.message),
  });
}

export function useSetPublicUrl(storeId: string) {
  const client = useQueryClient();
  const push = useToasts((s) => s.push);
  return useMutation({
    mutationFn: (publicUrl: string | null) => call('webhooks.setPublicUrl', { storeId, publicUrl }),
    onSuccess: (receiver: ReceiverInfo) => {
      client.setQueryData(queryKey('webhooks.getReceiver', { storeId }), receiver);
      push('success', receiver.publicUrl ? 'Saved the public URL.' : 'Cleared the public URL.');
    },
  });
}
