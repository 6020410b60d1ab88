/**
 * BigCommerce failures as one error type with a stable `code` the UI and jobs can switch on.
 * Bodies are parsed from the documented shapes (bigcommerce-facts §5):
 *   V3   {status, title, type, instance?, detail?, errors?: {field: message}}
 *   V3   {batch_errors: [{status, title, type, instance, errors}]}   (PUT /catalog/variants 422)
 *   V2   [{status, message, details?}]
 *   V2   {errors: [{status, title, type}]}                          (customer-groups spec variant)
 * Messages never contain the access token: only the body's text and our own wording go in.
 */
export const BIGCOMMERCE_ERROR_CODES = [
  'AUTH',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'VALIDATION',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'SERVER',
  'NETWORK',
  'TIMEOUT',
  'BAD_RESPONSE',
] as const;
export type BigCommerceErrorCode = (typeof BIGCOMMERCE_ERROR_CODES)[number];

/** One rejected item of a batch (`batch_errors[i]`) or of a 207 response. */
export interface BatchItemError {
  index: number;
  status: number | null;
  message: string;
  fieldErrors?: Record<string, string>;
}

export interface BigCommerceErrorInit {
  code: BigCommerceErrorCode;
  message: string;
  status?: number | null;
  fieldErrors?: Record<string, string>;
  items?: BatchItemError[];
  method?: string;
  path?: string;
  /** System error code of a network failure (ECONNRESET, …); never the cause object itself. */
  causeCode?: string;
}

export class BigCommerceError extends Error {
  readonly code: BigCommerceErrorCode;
  /** HTTP status, or null when no response arrived (NETWORK, TIMEOUT). */
  readonly status: number | null;
  readonly fieldErrors?: Record<string, string>;
  readonly items?: BatchItemError[];
  readonly method?: string;
  /** Request path relative to the store's API root, e.g. "/v3/catalog/products". No origin. */
  readonly path?: string;
  readonly causeCode?: string;

  constructor(init: BigCommerceErrorInit) {
    super(init.message);
    this.name = 'BigCommerceError';
    this.code = init.code;
    this.status = init.status ?? null;
    if (init.fieldErrors && Object.keys(init.fieldErrors).length > 0) this.fieldErrors = init.fieldErrors;
    if (init.items && init.items.length > 0) this.items = init.items;
    this.method = init.method;
    this.path = init.path;
    this.causeCode = init.causeCode;
  }

  /**
   * True when a write may or may not have happened: no response, a truncated/unreadable response,
   * or a 5xx. A POST that failed this way must be checked (see createWithCheck), not re-sent.
   */
  get ambiguous(): boolean {
    return this.code === 'NETWORK' || this.code === 'TIMEOUT' || this.code === 'SERVER' || this.code === 'BAD_RESPONSE';
  }
}

export function codeForStatus(status: number): BigCommerceErrorCode {
  if (status === 401) return 'AUTH';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  // 423 Locked: the resource is busy; same remedy as a conflict (reload, try again).
  if (status === 409 || status === 423) return 'CONFLICT';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 500) return 'SERVER';
  // 400, 405, 406, 415, 422 and other 4xx: the server refused the request as sent.
  if (status >= 400) return 'VALIDATION';
  return 'BAD_RESPONSE';
}

const DEFAULT_MESSAGES: Partial<Record<BigCommerceErrorCode, string>> = {
  AUTH: 'BigCommerce rejected the access token (401). Check the token saved for this store.',
  FORBIDDEN: 'The access token lacks permission for this request (403): missing OAuth scope, wrong store hash, or a plan limit.',
  NOT_FOUND: 'The resource was not found (404).',
  CONFLICT: 'The change conflicts with existing data (409).',
  VALIDATION: 'BigCommerce rejected the request as invalid.',
  PAYLOAD_TOO_LARGE: 'Too many items in one request (413).',
  RATE_LIMITED: 'BigCommerce rate limit reached (429).',
  SERVER: 'BigCommerce had a server error.',
};

const MAX_MESSAGE = 500;

interface ParsedBody {
  message: string | null;
  fieldErrors: Record<string, string>;
  items: BatchItemError[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Nested `errors` values become "a.b": "message"; arrays of strings are joined. */
export function flattenFieldErrors(value: unknown, prefix = '', out: Record<string, string> = {}): Record<string, string> {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    out[prefix || 'error'] = String(value);
  } else if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) {
      if (value.length > 0) out[prefix || 'error'] = value.join('; ');
    } else {
      value.forEach((v, i) => flattenFieldErrors(v, prefix ? `${prefix}.${i}` : String(i), out));
    }
  } else if (isRecord(value)) {
    for (const [key, v] of Object.entries(value)) flattenFieldErrors(v, prefix ? `${prefix}.${key}` : key, out);
  }
  return out;
}

function titleOf(item: Record<string, unknown>): string | null {
  const title = text(item.title) ?? text(item.message);
  const detail = text(item.detail);
  if (title && detail && detail !== title) return `${title}: ${detail}`;
  return title ?? detail;
}

function itemError(item: unknown, index: number): BatchItemError {
  const record = isRecord(item) ? item : {};
  const fieldErrors = flattenFieldErrors(record.errors ?? record.details);
  const status = typeof record.status === 'number' ? record.status : null;
  const message = titleOf(record) ?? Object.values(fieldErrors)[0] ?? 'Item rejected';
  return { index, status, message, ...(Object.keys(fieldErrors).length ? { fieldErrors } : {}) };
}

function fromItems(items: BatchItemError[]): ParsedBody {
  const fieldErrors: Record<string, string> = {};
  for (const item of items) {
    for (const [field, msg] of Object.entries(item.fieldErrors ?? {})) fieldErrors[`${item.index}.${field}`] = msg;
    if (!item.fieldErrors) fieldErrors[String(item.index)] = item.message;
  }
  const unique = [...new Set(items.map((i) => i.message))];
  return { message: unique.join('; ') || null, fieldErrors, items };
}

/** Parse any documented error body (already JSON-decoded; pass null for none). */
export function parseErrorBody(body: unknown): ParsedBody {
  if (Array.isArray(body)) return fromItems(body.map(itemError)); // V2
  if (!isRecord(body)) return { message: null, fieldErrors: {}, items: [] };
  if (Array.isArray(body.batch_errors)) {
    const parsed = fromItems(body.batch_errors.map(itemError));
    const n = parsed.items.length;
    return { ...parsed, message: `${n} item${n === 1 ? ' was' : 's were'} rejected: ${parsed.message ?? 'see details'}` };
  }
  if (Array.isArray(body.errors) && !titleOf(body)) return fromItems(body.errors.map(itemError)); // V2 groups
  return { message: titleOf(body), fieldErrors: flattenFieldErrors(body.errors), items: [] };
}

export function errorFromResponse(args: { status: number; body: unknown; method?: string; path?: string }): BigCommerceError {
  const code = codeForStatus(args.status);
  const parsed = parseErrorBody(args.body);
  const fallback = DEFAULT_MESSAGES[code] ?? `Unexpected response from BigCommerce (HTTP ${args.status}).`;
  let message = parsed.message ?? fallback;
  if (message.length > MAX_MESSAGE) message = `${message.slice(0, MAX_MESSAGE - 1)}…`;
  return new BigCommerceError({
    code,
    status: args.status,
    message,
    fieldErrors: parsed.fieldErrors,
    items: parsed.items,
    method: args.method,
    path: args.path,
  });
}

/**
 * The per-item failures of a 207 Multi-Status body `{data, errors, meta}`. `errors` is an object in
 * the catalog spec and a list in some others; both are handled. An item without its own status is
 * reported as VALIDATION: the server accepted the request and refused part of it.
 */
export function multiStatusErrors(body: unknown, context: { method?: string; path?: string } = {}): BigCommerceError[] {
  if (!isRecord(body) || body.errors == null) return [];
  const list = Array.isArray(body.errors) ? body.errors : [body.errors];
  return list.map((raw, index) => {
    const item = itemError(raw, index);
    return new BigCommerceError({
      code: item.status && item.status >= 400 ? codeForStatus(item.status) : 'VALIDATION',
      status: item.status,
      message: item.message,
      fieldErrors: item.fieldErrors,
      ...context,
    });
  });
}
