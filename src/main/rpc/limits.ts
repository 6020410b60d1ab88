/**
 * Limits on the shape of an untrusted call, sized from the contract's largest legitimate call
 * (100,000 edits in one staging.stage or jobs.start; README, "Desktop window or browser mode").
 * The HTTP host checks them on the raw bytes before JSON.parse (web/json-limits.ts); the dispatcher
 * checks them on the value for every host, so a call over IPC gets the same answer.
 */
export interface RpcLimits {
  maxBytes: number;
  maxDepth: number;
  maxValues: number;
  maxContainers: number;
  maxObjectMembers: number;
}

export const RPC_LIMITS: Readonly<RpcLimits> = {
  /** 100,000 product-name edits with 60-character names are ~20 MB; price or stock edits ~8 MB. */
  maxBytes: 32 * 1024 * 1024,
  /** The deepest call is envelope → params → edits → edit (4 levels); twice that is room to grow. */
  maxDepth: 8,
  /** Values: 100,000 edits of six members are ~700,000. */
  maxValues: 1_000_000,
  /** Objects and arrays: 100,000 edits are 100,004. */
  maxContainers: 200_000,
  /** Members of one object: params and edits have at most 6 (arrays, like the edits, may be long). */
  maxObjectMembers: 1_000,
};

export const limitMessages = {
  bytes: (l: RpcLimits) => `The call is larger than ${l.maxBytes / 1024 / 1024} MB: split it into smaller ones.`,
  depth: (l: RpcLimits) => `The call nests deeper than ${l.maxDepth} levels, more than any call needs.`,
  values: (l: RpcLimits) => `The call has more than ${l.maxValues.toLocaleString('en-US')} values, more than any call needs.`,
  containers: (l: RpcLimits) => `The call has more than ${l.maxContainers.toLocaleString('en-US')} objects and arrays, more than any call needs.`,
  members: (l: RpcLimits) => `An object in the call has more than ${l.maxObjectMembers.toLocaleString('en-US')} members, more than any call needs.`,
};

/**
 * Which limit a parsed call breaks, or null. Stops at the first broken limit, so a hostile value
 * costs at most the limits' worth of work (~15 ms for 100,000 edits: plain loops, no allocation).
 */
export function shapeProblem(value: unknown, limits: RpcLimits = RPC_LIMITS): string | null {
  let values = 0;
  let containers = 0;
  const walk = (v: unknown, depth: number): string | null => {
    values += 1;
    if (values > limits.maxValues) return limitMessages.values(limits);
    if (typeof v !== 'object' || v === null) return null;
    if (depth > limits.maxDepth) return limitMessages.depth(limits);
    containers += 1;
    if (containers > limits.maxContainers) return limitMessages.containers(limits);
    let problem: string | null = null;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length && !problem; i++) problem = walk(v[i], depth + 1);
      return problem;
    }
    let members = 0;
    for (const key in v) {
      members += 1;
      if (members > limits.maxObjectMembers) return limitMessages.members(limits);
      problem = walk((v as Record<string, unknown>)[key], depth + 1);
      if (problem) return problem;
    }
    return null;
  };
  return walk(value, 1);
}
