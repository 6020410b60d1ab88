import { limitMessages, RPC_LIMITS, type RpcLimits } from '../rpc/limits';

/**
 * RPC_LIMITS checked on a body's raw bytes as they arrive, before JSON.parse, which has no guard
 * of its own: 20 MB of `[` held the server for seconds and ~2 GB, 32 MB of `{},` for 12 s and ~1 GB,
 * one object of 1,000,000 keys for 4 s.
 */
export interface JsonRefusal {
  status: 400 | 413;
  reason: string;
}

export function bodyTooLarge(limits: RpcLimits = RPC_LIMITS): JsonRefusal {
  return { status: 413, reason: limitMessages.bytes(limits) };
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
/** The only bytes outside strings the scan acts on; whitespace, numbers and literals are skipped in a tight loop. */
const STRUCTURAL = new Uint8Array(256);
for (const b of [QUOTE, COMMA, OPEN_OBJECT, OPEN_ARRAY, CLOSE_OBJECT, CLOSE_ARRAY]) STRUCTURAL[b] = 1;

/**
 * A streaming scan that only tracks strings (with their escapes), nesting and separators; the
 * syntax itself is JSON.parse's job once the body passed. Returns the first limit a chunk breaks.
 */
export function createJsonScanner(limits: RpcLimits = RPC_LIMITS) {
  let bytes = 0;
  let inString = false;
  let escaped = false;
  let depth = 0;
  let values = 0;
  let containers = 0;
  // Per open container: whether it is an object, and its separators so far (depth ≤ maxDepth).
  const isObject: boolean[] = [];
  const members: number[] = [];

  const refuse = (reason: string): JsonRefusal => ({ status: 400, reason });

  function open(object: boolean): JsonRefusal | null {
    depth += 1;
    if (depth > limits.maxDepth) return refuse(limitMessages.depth(limits));
    containers += 1;
    values += 1;
    if (containers > limits.maxContainers) return refuse(limitMessages.containers(limits));
    isObject[depth] = object;
    members[depth] = 0;
    return null;
  }

  function separator(): JsonRefusal | null {
    values += 1;
    if (values > limits.maxValues) return refuse(limitMessages.values(limits));
    if (depth > 0 && isObject[depth]) {
      members[depth] = (members[depth] ?? 0) + 1;
      if ((members[depth] ?? 0) >= limits.maxObjectMembers) return refuse(limitMessages.members(limits));
    }
    return null;
  }

  function structural(b: number): JsonRefusal | null {
    switch (b) {
      case QUOTE:
        inString = true;
        return null;
      case OPEN_OBJECT:
      case OPEN_ARRAY:
        return open(b === OPEN_OBJECT);
      case CLOSE_OBJECT:
      case CLOSE_ARRAY:
        // Unbalanced closers are left for JSON.parse to report as invalid JSON.
        if (depth > 0) depth -= 1;
        return null;
      case COMMA:
        return separator();
      default:
        return null;
    }
  }

  /** Inside a string, jumps to its next quote or backslash with indexOf (native) instead of byte by byte. */
  function scan(chunk: Uint8Array): JsonRefusal | null {
    const n = chunk.length;
    let nextQuote = -2;
    let nextBackslash = -2;
    let i = 0;
    while (i < n) {
      if (!inString) {
        while (i < n && STRUCTURAL[chunk[i]!] === 0) i += 1;
        if (i === n) break;
        const refusal = structural(chunk[i]!);
        if (refusal) return refusal;
        i += 1;
      } else if (escaped) {
        escaped = false;
        i += 1;
      } else {
        if (nextQuote !== -1 && nextQuote < i) nextQuote = chunk.indexOf(QUOTE, i);
        if (nextBackslash !== -1 && nextBackslash < i) nextBackslash = chunk.indexOf(BACKSLASH, i);
        const quote = nextQuote === -1 ? n : nextQuote;
        const backslash = nextBackslash === -1 ? n : nextBackslash;
        if (backslash < quote) escaped = true;
        else if (quote < n) inString = false;
        i = Math.min(quote, backslash) + 1;
      }
    }
    return null;
  }

  return {
    /** Scans the next chunk; the first refusal wins, and nothing after it needs to be read. */
    push(chunk: Uint8Array): JsonRefusal | null {
      bytes += chunk.length;
      if (bytes > limits.maxBytes) return bodyTooLarge(limits);
      return scan(chunk);
    },
  };
}
