import { QueryClient } from '@tanstack/react-query';
import { AppError } from '../../../shared/rpc';
import type { MethodName, ParamsOf } from '../../../shared/contract';

/** Query keys are named after contract methods, so invalidation reads like the contract. */
export function queryKey<M extends MethodName>(method: M, params?: ParamsOf<M>) {
  return params === undefined ? ([method] as const) : ([method, params] as const);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !(error instanceof AppError && error.code === 'VALIDATION') && count < 2,
      },
    },
  });
}
