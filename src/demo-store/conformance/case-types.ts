import type { ApiResponse } from '../test/harness';

/** Ids discovered or created while the conformance table runs (cases run in order). */
export type Fixture = Record<string, number | string>;

export interface Case {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Route template, e.g. `/v3/catalog/products/{product_id}`. */
  template: string;
  path: (f: Fixture) => string;
  body?: (f: Fixture) => unknown;
  token?: 'read' | 'none' | 'missing';
  status: number;
  /** Record ids from the response for later cases. */
  save?: (res: ApiResponse, f: Fixture) => void;
}

export const c = (
  name: string, method: Case['method'], template: string, status: number, path: Case['path'] | string,
  extra: Partial<Pick<Case, 'body' | 'token' | 'save'>> = {},
): Case => ({ name, method, template, status, path: typeof path === 'string' ? () => path : path, ...extra });
