import type { CustomerGroup } from '../../../shared/contract';
import { BigCommerceError, type BigCommerceClient } from '../bigcommerce';
import { toAppError } from './errors';

/**
 * Customer groups through V2 `/customer_groups` (customers.v2.yml): bare arrays, 204 when a page
 * is empty. V2 has no member count, so each group's is one 1-row `GET /v3/customers?customer_group_id:in=`
 * (its `total`): the store's own figure, not the local cache's.
 */
interface ApiGroup {
  id: number;
  name: string;
  is_default?: boolean;
}

const isGroup = (g: unknown): g is ApiGroup => typeof (g as ApiGroup | null)?.id === 'number' && typeof (g as ApiGroup).name === 'string';

async function listApiGroups(client: BigCommerceClient): Promise<ApiGroup[]> {
  const out: ApiGroup[] = [];
  for (let page = 1; ; page++) {
    const res = await client.request<unknown>({ method: 'GET', version: 'v2', path: '/customer_groups', query: { page, limit: 250 }, priority: 'interactive' });
    const items = Array.isArray(res.data) ? res.data.filter(isGroup) : [];
    out.push(...items);
    if (items.length < 250) return out;
  }
}

export async function countMembers(client: BigCommerceClient, groupId: number): Promise<number> {
  const res = await client.request<{ meta?: { pagination?: { total?: unknown } } } | null>({
    method: 'GET', version: 'v3', path: '/customers', query: { 'customer_group_id:in': groupId, limit: 1 }, priority: 'interactive',
  });
  const total = res.data?.meta?.pagination?.total;
  return typeof total === 'number' ? total : 0;
}

const toGroup = (g: ApiGroup, members: number): CustomerGroup => ({ id: g.id, name: g.name, is_default: g.is_default === true, members });

export async function listGroups(client: BigCommerceClient): Promise<CustomerGroup[]> {
  try {
    const groups = await listApiGroups(client);
    const counts = await Promise.all(groups.map((g) => countMembers(client, g.id)));
    return groups.map((g, i) => toGroup(g, counts[i]!)).sort((a, b) => a.name.localeCompare(b.name));
  } catch (error) {
    throw toAppError(error, 'Could not list the customer groups');
  }
}

function groupOf(data: unknown, doing: string): ApiGroup {
  if (!isGroup(data)) throw new BigCommerceError({ code: 'BAD_RESPONSE', message: `${doing}: the store answered without the group.`, path: '/v2/customer_groups' });
  return data;
}

/** POST is not retried blindly: after an ambiguous failure the group is looked up by name. */
export async function createGroup(client: BigCommerceClient, name: string): Promise<CustomerGroup> {
  try {
    const res = await client.request<unknown>({ method: 'POST', version: 'v2', path: '/customer_groups', body: { name }, priority: 'interactive' });
    return toGroup(groupOf(res.data, 'Create group'), 0);
  } catch (error) {
    if (error instanceof BigCommerceError && error.ambiguous) {
      const found = (await listApiGroups(client).catch(() => [])).find((g) => g.name === name);
      if (found) return toGroup(found, 0);
    }
    throw toAppError(error, `Could not create the group “${name}”`);
  }
}

export async function renameGroup(client: BigCommerceClient, id: number, name: string): Promise<CustomerGroup> {
  try {
    const res = await client.request<unknown>({ method: 'PUT', version: 'v2', path: `/customer_groups/${id}`, body: { name }, priority: 'interactive' });
    return toGroup(groupOf(res.data, 'Rename group'), await countMembers(client, id));
  } catch (error) {
    throw toAppError(error, `Could not rename the group to “${name}”`);
  }
}

export async function deleteGroup(client: BigCommerceClient, id: number): Promise<void> {
  try {
    await client.request({ method: 'DELETE', version: 'v2', path: `/customer_groups/${id}`, priority: 'interactive' });
  } catch (error) {
    throw toAppError(error, 'Could not delete the group');
  }
}
