/**
 * Error bodies. V3: `{status,title,type,errors?}`; V2: `[{status,message}]` (facts §5).
 * Handlers throw `ApiError`; the pipeline renders it in the generation of the request path.
 */
export const TYPE_SHORT = '/api-docs/getting-started/api-status-codes';
export const TYPE_URL = 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes';

export type ApiVersion = 'v2' | 'v3';

export interface ApiErrorInit {
  errors?: Record<string, string>;
  /** Overrides the whole body (e.g. `{batch_errors:[...]}` for variant batches). */
  body?: unknown;
  /** V2 message when it differs from the V3 title. */
  message?: string;
  type?: string;
  headers?: Record<string, string>;
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly title: string, readonly init: ApiErrorInit = {}) {
    super(title);
  }
}

const DEFAULT_TITLES: Record<number, string> = {
  400: 'Input is invalid',
  401: 'Unauthorized - the v3 Auth client ID or token in the request are not a valid combination for this store.',
  403: 'Unauthorized Access. You do not have permission to make this request.',
  404: 'The resource at that URL is not found.',
  405: 'Method not allowed for this resource.',
  409: 'The request conflicts with the current state of the resource.',
  413: 'The request payload is too large.',
  415: 'Unsupported media type. Send JSON with Content-Type: application/json.',
  422: 'JSON data is missing or invalid',
  429: 'Too many requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const V2_MESSAGES: Record<number, string> = {
  401: 'You are not authorized to access this resource. Please check your X-Auth-Token.', // [unverified]
  404: 'The requested resource was not found.',
};

export function defaultTitle(status: number): string {
  return DEFAULT_TITLES[status] ?? 'Error';
}

export function v3ErrorBody(status: number, title: string, init: ApiErrorInit = {}): Record<string, unknown> {
  // The specs use the short type for auth/limit errors and the full URL for catalog validation errors.
  const shortType = status === 401 || status === 403 || status === 413 || status === 429;
  const body: Record<string, unknown> = { status, title, type: init.type ?? (shortType ? TYPE_SHORT : TYPE_URL) };
  if (init.errors) body.errors = init.errors;
  return body;
}

export function v2ErrorBody(status: number, message: string): Array<{ status: number; message: string }> {
  return [{ status, message }];
}

export function errorBody(version: ApiVersion, err: ApiError): unknown {
  if (err.init.body !== undefined) return err.init.body;
  if (version === 'v2') return v2ErrorBody(err.status, err.init.message ?? V2_MESSAGES[err.status] ?? err.title);
  return v3ErrorBody(err.status, err.title, err.init);
}

// Convenience constructors used across routes.
export const notFound = (title = DEFAULT_TITLES[404]): ApiError => new ApiError(404, title);
export const unprocessable = (errors: Record<string, string>, title = DEFAULT_TITLES[422]): ApiError =>
  new ApiError(422, title, { errors });
export const conflict = (title: string, errors: Record<string, string> = {}): ApiError =>
  new ApiError(409, title, { errors });
export const tooLarge = (max: number, withPeriod: boolean): ApiError =>
  new ApiError(413, `The request payload is too large. The maximum items allowed in the array is ${max}${withPeriod ? '.' : ''}`, {
    errors: {},
  });
