import { pathToFileURL } from 'node:url';
import type { JobEdit } from '../jobs';
import { benchJobs, listAll, readRows, runJob, sleep, startBenchEnv, timingFetch, type BenchEnv, type BulkBenchRow, type Options, type Timing } from '../jobs/bench';

/**
 * `customersJob`: 3,000 customers moved to a new group as one bulk job (PUT /v3/customers, 10 per
 * call, at most 3 calls in flight: the endpoint's documented cap, which the limiter enforces),
 * measured exactly like the other bulk-job benches (jobs/bench.ts: quota bound, efficiency, lost,
 * duplicates) on a Standard-shaped quota of 150 per 10 s window.
 */
/** `raw` re-sends a request the store answered 429 or 5xx, so a 409 can mean our own earlier POST landed. */
async function createGroup(env: BenchEnv, name: string): Promise<number> {
  const created = await env.raw<{ id: number }>('POST', '/v2/customer_groups', { name });
  if (created.status === 200) return created.data.id;
  const found = await env.raw<Array<{ id: number }>>('GET', `/v2/customer_groups?name=${encodeURIComponent(name)}`);
  if (found.status !== 200 || !found.data[0]) throw new Error(`POST /v2/customer_groups: ${created.status} ${JSON.stringify(created.data)}`);
  return found.data[0].id;
}

export async function runCustomersBench(overrides: Partial<Options> = {}): Promise<BulkBenchRow> {
  const opts: Options = { products: 10, edits: 3000, rateQuota: 150, rateWindowMs: 10_000, faultRate: 0, latencyMs: 0, seed: 'stockroom-bench', ...overrides };
  const timings: Timing[] = [];
  const env = await startBenchEnv(
    { stores: 1, products: opts.products, customers: opts.edits, orders: 10, rateQuota: opts.rateQuota, rateWindowMs: opts.rateWindowMs, faultRate: opts.faultRate, latencyMs: opts.latencyMs, seed: opts.seed },
    timingFetch(timings),
    opts.limiter,
  );
  const jobs = benchJobs(env, opts);
  try {
    const groupId = await createGroup(env, `Bench movers ${Date.now()}`);
    const customers = await listAll(env, '/v3/customers', opts.edits, '');
    await sleep(opts.rateWindowMs + 100); // start the job on a fresh quota window
    const edits = customers.map((c): JobEdit => ({ entity: 'customer', id: c.id, field: 'customer_group_id', from: c.customer_group_id as number, to: groupId }));
    return await runJob(env, jobs, timings, `${edits.length} customers → group`, edits, readRows(env, '/v3/customers'), opts);
  } finally {
    await jobs.close();
    await env.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const standard = await runCustomersBench();
  const withFaults = await runCustomersBench({ faultRate: 0.05 });
  console.log(JSON.stringify({ targets: [standard, withFaults] }, null, 2));
}
