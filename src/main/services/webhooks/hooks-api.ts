import { SECRET_HEADER, SECRET_PLACEHOLDER, type Webhook } from '../../../shared/contract';
import { AppError } from '../../../shared/rpc';
import { BigCommerceError, collectV3, type BigCommerceClient } from '../bigcommerce';

/** A hook as `/v3/hooks` returns it (facts §9): unix-second timestamps, headers a map or null. */
export interface ApiHook {
  id: number;
  scope: string;
  destination: string;
  headers: Record<string, string> | null;
  is_active: boolean;
  created_at: number;
  updated_at: number;
}

export interface HookWrite {
  scope?: string;
  destination?: string;
  headers?: Record<string, string>;
  is_active?: boolean;
}

const secretHeaderOf = (headers: Record<string, string> | null): string | undefined =>
  Object.keys(headers ?? {}).find((name) => name.toLowerCase() === SECRET_HEADER.toLowerCase());

export const carriesSecret = (hook: ApiHook): boolean => secretHeaderOf(hook.headers) !== undefined;

export function secretOf(hook: ApiHook): string | undefined {
  const name = secretHeaderOf(hook.headers);
  return name === undefined ? undefined : hook.headers![name];
}

/** The renderer's view of a hook: Stockroom's secret never crosses the boundary. */
export function toWebhook(hook: ApiHook): Webhook {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(hook.headers ?? {})) {
    headers[name] = name.toLowerCase() === SECRET_HEADER.toLowerCase() ? SECRET_PLACEHOLDER : String(value);
  }
  return {
    id: hook.id,
    scope: hook.scope,
    destination: hook.destination,
    isActive: hook.is_active,
    createdAt: new Date(hook.created_at * 1000).toISOString(),
    updatedAt: new Date(hook.updated_at * 1000).toISOString(),
    headers,
    toReceiver: carriesSecret(hook),
  };
}

export async function listHooks(client: BigCommerceClient): Promise<ApiHook[]> {
  try {
    return await collectV3<ApiHook>(client, { path: '/hooks', limit: 250 });
  } catch (error) {
    throw explainHookError(error);
  }
}

export async function createHook(client: BigCommerceClient, body: HookWrite): Promise<ApiHook> {
  // No blind retry of a POST: a lost answer could leave a second hook behind (facts: create-with-check).
  return send(client, { method: 'POST', path: '/hooks', body, idempotent: false });
}

export function updateHook(client: BigCommerceClient, id: number, body: HookWrite): Promise<ApiHook> {
  return send(client, { method: 'PUT', path: `/hooks/${id}`, body });
}

export function deleteHook(client: BigCommerceClient, id: number): Promise<ApiHook> {
  return send(client, { method: 'DELETE', path: `/hooks/${id}` });
}

async function send(
  client: BigCommerceClient,
  req: { method: 'POST' | 'PUT' | 'DELETE'; path: string; body?: HookWrite; idempotent?: boolean },
): Promise<ApiHook> {
  try {
    const res = await client.request<{ data: ApiHook }>({ version: 'v3', priority: 'interactive', ...req });
    return res.data.data;
  } catch (error) {
    throw explainHookError(error);
  }
}

/** Store answers become errors an operator can act on; field errors (422) name the field. */
export function explainHookError(error: unknown): unknown {
  if (!(error instanceof BigCommerceError)) return error;
  const fields = error.fieldErrors ? Object.entries(error.fieldErrors).map(([k, v]) => `${k}: ${v}`).join('; ') : '';
  switch (error.code) {
    case 'NOT_FOUND':
      return new AppError('NOT_FOUND', 'That webhook no longer exists on the store (it may have been deleted elsewhere).');
    case 'VALIDATION':
    case 'CONFLICT':
      // The params were valid; the store's own rules (one hook per scope and destination, ten per scope) said no.
      return new AppError('CONFLICT', `The store refused the webhook: ${fields || error.message}`, error.fieldErrors ? { fields: error.fieldErrors } : undefined);
    case 'AUTH':
    case 'FORBIDDEN':
      return new AppError(error.code, `The store refused this token for webhooks (${error.status}).`);
    case 'NETWORK':
    case 'TIMEOUT':
    case 'RATE_LIMITED':
      return new AppError(error.code, `The store did not answer: ${error.message}`);
    default:
      return new AppError('BIGCOMMERCE', `The store answered with an error: ${error.message}`);
  }
}
