import type { RpcResponse } from './envelope';

/**
 * A result main has already serialized as JSON (UTF-8 bytes): a large answer it serves many times
 * unchanged (a catalog page of 100,000 products is ~33 MB) is serialized once, when it is made,
 * not once per call. The hosts send the bytes as they are: the HTTP host splices them into the
 * response envelope; the IPC host sends them beside it (`json`), and the renderer parses them —
 * a byte copy across the process and context-bridge boundaries instead of a structured clone of
 * millions of values.
 */
export class EncodedJson<T> {
  private constructor(readonly bytes: Uint8Array) {}

  static of<T>(value: T): EncodedJson<T> {
    return new EncodedJson<T>(new TextEncoder().encode(JSON.stringify(value)));
  }

  /** Bytes main serialized itself earlier (e.g. kept on disk), trusted to be T's JSON. */
  static fromBytes<T>(bytes: Uint8Array): EncodedJson<T> {
    return new EncodedJson<T>(bytes);
  }

  decode(): T {
    return parseJsonBytes(this.bytes) as T;
  }
}

export const parseJsonBytes = (bytes: Uint8Array): unknown => JSON.parse(new TextDecoder().decode(bytes));

/** What the IPC host answers: a response, or a successful one whose value is JSON bytes (see EncodedJson). */
export type IpcResponse = RpcResponse | { id: number; ok: true; json: Uint8Array };

/** The IPC answer as the renderer's client reads it. */
export function decodeIpcResponse(response: IpcResponse): RpcResponse {
  return 'json' in response ? { id: response.id, ok: true, value: parseJsonBytes(response.json) } : response;
}
