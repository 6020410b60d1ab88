import type { z } from 'zod';
import { contract, isMethodName, type MethodName, type ResultOf } from '../../shared/contract';
import { AppError, clip, EncodedJson, validationError, type RpcResponse } from '../../shared/rpc';
import { shapeProblem } from './limits';

/** Who is calling: the host fills this in; handlers may use it for logging, never for trust decisions. */
export interface CallContext {
  host: 'ipc' | 'http' | 'test';
}

/** A handler may answer with its result already serialized (EncodedJson): the hosts send those bytes as they are. */
export type Handler<M extends MethodName> = (params: ResultParams<M>, ctx: CallContext) => Promise<ResultOf<M> | EncodedJson<ResultOf<M>>> | ResultOf<M> | EncodedJson<ResultOf<M>>;
type ResultParams<M extends MethodName> = z.output<(typeof contract)[M]['params']>;

/** One handler per contract method: a missing one is a type error, an extra one too. */
export type Handlers = { [M in MethodName]: Handler<M> };

export interface DispatchOptions {
  /** Validate results against the contract too (tests do; production skips it for large payloads). */
  validateResults?: boolean;
  onUnexpectedError?: (method: string, error: unknown) => void;
}

export type Dispatch = (request: unknown, ctx: CallContext) => Promise<RpcResponse>;

export function createDispatcher(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  return async (request, ctx) => {
    const id = requestId(request);
    try {
      const tooBig = shapeProblem(request);
      if (tooBig) throw new AppError('BAD_REQUEST', tooBig);
      const { method, params } = parseEnvelope(request);
      const spec = contract[method];
      const parsed = spec.params.safeParse(params ?? {});
      if (!parsed.success) throw validationError(`Invalid params for ${method}`, parsed.error.issues);
      const handler = handlers[method] as (p: unknown, c: CallContext) => Promise<unknown>;
      const value = await handler(parsed.data, ctx);
      if (options.validateResults) spec.result.parse(value instanceof EncodedJson ? value.decode() : value);
      // Callers in this process (tests) get the value as a host's client would read it.
      return { id, ok: true, value: value instanceof EncodedJson && ctx.host === 'test' ? value.decode() : value };
    } catch (error) {
      if (error instanceof AppError) return { id, ok: false, error: error.toData() };
      options.onUnexpectedError?.(methodOf(request), error);
      return { id, ok: false, error: { code: 'INTERNAL', message: 'Unexpected error in Stockroom. See the log for details.' } };
    }
  };
}

function requestId(request: unknown): number {
  const id = ownField(request, 'id');
  return typeof id === 'number' && Number.isSafeInteger(id) ? id : 0;
}

function methodOf(request: unknown): string {
  const m = ownField(request, 'method');
  return typeof m === 'string' ? clip(m) : '?';
}

/** Only own fields of a plain value: nothing inherited, no getter or toString of the caller's runs. */
function ownField(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const descriptor = Object.getOwnPropertyDescriptor(value, key);
  return descriptor && 'value' in descriptor ? descriptor.value : undefined;
}

function parseEnvelope(request: unknown): { method: MethodName; params: unknown } {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    throw new AppError('BAD_REQUEST', 'A call must be an object {id, method, params}.');
  }
  const method = ownField(request, 'method');
  if (!isMethodName(method)) {
    const what = typeof method === 'string' ? `"${clip(method)}"` : `(a ${method === null ? 'null' : Array.isArray(method) ? 'array' : typeof method}, not a method name)`;
    throw new AppError('UNKNOWN_METHOD', `Unknown method ${what}.`);
  }
  return { method, params: ownField(request, 'params') };
}


