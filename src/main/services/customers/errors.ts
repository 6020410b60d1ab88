import { AppError, type ErrorCode } from '../../../shared/rpc';
import { BigCommerceError } from '../bigcommerce';

const CODES: Partial<Record<BigCommerceError['code'], ErrorCode>> = {
  AUTH: 'AUTH', FORBIDDEN: 'FORBIDDEN', NOT_FOUND: 'NOT_FOUND', CONFLICT: 'CONFLICT', VALIDATION: 'VALIDATION',
  RATE_LIMITED: 'RATE_LIMITED', NETWORK: 'NETWORK', TIMEOUT: 'TIMEOUT',
};

/**
 * The store's field messages keyed by our field names: customers.v3.yml 422s name an item's field
 * as "0.email" (index of the batch item), plus a batch-level key such as ".customer_create".
 */
export function fieldMessages(error: BigCommerceError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(error.fieldErrors ?? {})) {
    const field = /^\d+\.([a-z_]+)$/.exec(key)?.[1] ?? (/^[a-z_]+$/.test(key) ? key : null);
    if (field) out[field] = message;
  }
  return out;
}

/** BigCommerce's failure as the renderer's error, its field messages kept in `details.fields`. */
export function toAppError(error: unknown, doing: string): unknown {
  if (!(error instanceof BigCommerceError)) return error;
  const fields = fieldMessages(error);
  const first = Object.values(fields)[0];
  const message = error.code === 'VALIDATION' && first ? first : `${doing}: ${error.message}`;
  return new AppError(CODES[error.code] ?? 'BIGCOMMERCE', message, { status: error.status, fields });
}
