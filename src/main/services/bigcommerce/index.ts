export { systemClock, type Clock } from './clock';
export {
  BIGCOMMERCE_ERROR_CODES,
  BigCommerceError,
  codeForStatus,
  errorFromResponse,
  flattenFieldErrors,
  multiStatusErrors,
  parseErrorBody,
  type BatchItemError,
  type BigCommerceErrorCode,
} from './errors';
export { DEFAULT_ENDPOINT_CAPS, type EndpointCap } from './endpoint-caps';
export { parseRateLimitHeaders, type HeaderSource, type RateLimitHeaders } from './rate-limit-headers';
export {
  createRateLimiter,
  type AcquireOptions,
  type Permit,
  type Priority,
  type RateLimiter,
  type RateLimiterOptions,
  type RateLimiterState,
} from './rate-limiter';
export {
  buildQuery,
  createBigCommerceClient,
  type BigCommerceClient,
  type BigCommerceClientOptions,
  type BigCommerceResponse,
  type HttpMethod,
  type QueryParams,
  type RequestOptions,
} from './client';
export { createWithCheck, type CreateWithCheckOptions, type CreateWithCheckResult } from './create-with-check';
export {
  collectV2,
  collectV3,
  paginateV2,
  paginateV3,
  type Page,
  type PaginateOptions,
  type PaginateV2Options,
} from './pagination';
export { createBigCommerceService, type BigCommerceService, type BigCommerceServiceDeps, type DraftTarget, type ProbeOptions, type StoreTarget } from './service';
