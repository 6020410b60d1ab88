import type { Page } from '@playwright/test';
import type { MethodName, ParamsOf, ResultOf } from '../../../src/shared/contract';
import type { RpcResponse } from '../../../src/shared/rpc';

/**
 * Calls the contract from inside the page, the way the renderer does in browser mode (same cookie,
 * same /rpc). For steps whose screens belong to later features (e.g. starting a job from a grid).
 */
export async function rpc<M extends MethodName>(page: Page, method: M, params: ParamsOf<M>): Promise<ResultOf<M>> {
  const response = await page.evaluate(
    async ({ method, params }) => {
      const res = await fetch('/rpc', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: 1, method, params }) });
      return (await res.json()) as RpcResponse;
    },
    { method, params },
  );
  if (!response.ok) throw new Error(`${method}: ${response.error.code} ${response.error.message}`);
  return response.value as ResultOf<M>;
}
