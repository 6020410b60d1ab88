/** Error codes that cross the renderer/main boundary. Renderer code switches on these, never on messages. */
export const ERROR_CODES = [
  'VALIDATION',
  'UNKNOWN_METHOD',
  'BAD_REQUEST',
  'NOT_FOUND',
  'CONFLICT',
  'KEYCHAIN_UNAVAILABLE',
  /** A store refused its token (401/403 from BigCommerce). */
  'AUTH',
  /** Browser mode: this tab's session cookie is missing or from an earlier launch. */
  'SESSION_EXPIRED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'BIGCOMMERCE',
  'NETWORK',
  'TIMEOUT',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorData {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** The one error type the renderer sees. Main throws it from services; the dispatcher turns it into a Result. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toData(): AppErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static fromData(data: AppErrorData): AppError {
    return new AppError(data.code, data.message, data.details);
  }
}
