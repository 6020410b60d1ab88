import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { applyPriceRule, applyStockRule } from '../../../shared/money';
import type { BigCommerceServiceDeps } from '../bigcommerce';
import type { JobEdit } from './edit-schema';
import { AT_REST } from './job-record';
import { createJobsService, type JobsService } from './jobs-service';
import { readJournalHistory } from './journal-history';
import { envAround, money, type DemoEnv } from './test-support/demo';
import { startDemoProcess, type DemoProcess } from './test-support/demo-process';

/** The bench's store runs in a process of its own (a real store is remote): same env, async stats. */
export type BenchEnv = Omit<DemoEnv, 'demo'> & { demo: DemoProcess };

/**
 * Bulk-job benchmark against the demo store over real HTTP with a Standard-shaped quota.
 *
 * quotaBoundSeconds: the least time fixed windows allow for the requests the store counted
 * against the quota (every request except 429s, which the store does not charge):
 *   ((ceil(requests / quota) - 1) * windowMs + tTailMs) / 1000
 * i.e. all full windows must elapse, then the last window's requests can all go at once and take
 * one request's time. tTailMs is the median duration of the job's write requests, measured at the
 * client (so it includes server work and loopback, not queueing in the limiter).
 * efficiency = quotaBoundSeconds / seconds, seconds = start() → the job's final status event (its
 * last row settled and state saved; journal upkeep after that is housekeeping, not the job).
 * lost: edits whose row, read back from the store afterwards, does not hold `to`.
 * duplicates: edits named by more than one `applied` journal record (archives included).
 */
export interface BulkBenchOptions {
  products?: number;
  edits?: number;
  rateQuota?: number;
  rateWindowMs?: number;
  faultRate?: number;
  latencyMs?: number;
  seed?: string;
  /** Limiter options for the store (production uses the defaults: leave undefined). */
  limiter?: BigCommerceServiceDeps['limiter'];
  /** Write requests a job keeps in flight (production default: 12). */
  requestsInFlight?: number;
}

export interface BulkBenchRow {
  job: string;
  items: number;
  requests: number;
  seconds: number;
  quotaBoundSeconds: number;
  efficiency: number;
  http429: number;
  failed: number;
  lost: number;
  conflicts: number;
  duplicates: number;
  faultRate: number;
  rateQuota: number;
  rateWindowMs: number;
  latencyMs: number;
  tailMs: number;
  rateLimitWaitMs: number;
  jobRequests: number;
  limiter: string;
  /** Share of CPU time idle on the whole machine during the job: others' work competes here. */
  cpuIdlePct: number;
  /** CPU time the engine's process (client, limiter, journal) and the store's process spent on the job. */
  engineCpuMs: number;
  storeCpuMs: number;
}

export type Row = Record<string, unknown> & { id: number };

/** Job id → performance.now() of its first final-status event. */
const finished = new Map<string, number>();
export type Options = Required<Omit<BulkBenchOptions, 'limiter' | 'requestsInFlight'>> & Pick<BulkBenchOptions, 'limiter' | 'requestsInFlight'>;

export async function listAll(env: BenchEnv, path: string, n: number, fields: string): Promise<Row[]> {
  const out: Row[] = [];
  for (let page = 1; out.length < n; page++) {
    const { status, data } = await env.raw<{ data: Row[] }>('GET', `${path}?limit=250&page=${page}${fields}`);
    if (status !== 200 || data.data.length === 0) throw new Error(`GET ${path} page ${page}: ${status}`);
    out.push(...data.data);
  }
  return out.slice(0, n);
}

function cpuTimes(): { idle: number; total: number } {
  let idle = 0;
  let total = 0;
  for (const cpu of cpus()) {
    idle += cpu.times.idle;
    total += cpu.times.idle + cpu.times.user + cpu.times.sys + cpu.times.nice + cpu.times.irq;
  }
  return { idle, total };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (n: number, places = 3) => Number(n.toFixed(places));

export interface Timing {
  method: string;
  ms: number;
}

export async function runJob(
  env: BenchEnv,
  jobs: JobsService,
  timings: Timing[],
  name: string,
  edits: JobEdit[],
  readBack: (ids: number[]) => Promise<Map<number, Row>>,
  opts: Options,
): Promise<BulkBenchRow> {
  timings.length = 0;
  const before = await env.demo.stats();
  const cpu0 = cpuTimes();
  const own0 = process.cpuUsage();
  const t0 = performance.now();
  const started = await jobs.start({ storeId: 'bench', storeHash: env.storeHash, title: name, edits });
  const summary = await jobs.waitFor(started.id);
  const finishedAt = finished.get(started.id);
  if (finishedAt === undefined) throw new Error(`job ${started.id} ended without a final status event`);
  const seconds = (finishedAt - t0) / 1000;
  const cpu1 = cpuTimes();
  const own = process.cpuUsage(own0);
  const after = await env.demo.stats();
  const count = (key: string) => (after.byStatus[key] ?? 0) - (before.byStatus[key] ?? 0);
  const http429 = count('429');
  const requests = after.requests - before.requests - http429;
  const puts = timings.filter((t) => t.method === 'PUT').map((t) => t.ms).sort((a, b) => a - b);
  const tailMs = puts[Math.floor(puts.length / 2)] ?? 0;
  const quotaBoundSeconds = ((Math.ceil(requests / opts.rateQuota) - 1) * opts.rateWindowMs + tailMs) / 1000;

  await sleep(opts.rateWindowMs + 100); // the read-back must not eat the next job's quota window
  const rows = await readBack(edits.map((e) => e.id));
  const lost = edits.filter((e) => {
    const value = rows.get(e.id)?.[e.field];
    return (typeof value === 'number' && e.field === 'price' ? money(value) : value) !== (e.field === 'price' ? money(Number(e.to)) : e.to);
  }).length;
  // Every segment: the first job's records may already be in an archive (rotation) by now.
  const journal = await readJournalHistory(env.dataDir, 'bench');
  const seen = new Map<number, number>();
  for (const r of journal) if (r.type === 'applied' && r.job === started.id) r.rows.forEach((x) => x.edits.forEach((i) => seen.set(i, (seen.get(i) ?? 0) + 1)));
  await sleep(opts.rateWindowMs + 100);
  return {
    job: name,
    items: edits.length,
    requests,
    seconds: round(seconds),
    quotaBoundSeconds: round(quotaBoundSeconds),
    efficiency: round(quotaBoundSeconds / seconds),
    http429,
    failed: summary.failed,
    lost,
    conflicts: summary.conflicts,
    duplicates: [...seen.values()].filter((n) => n > 1).length,
    faultRate: opts.faultRate,
    rateQuota: opts.rateQuota,
    rateWindowMs: opts.rateWindowMs,
    latencyMs: opts.latencyMs,
    tailMs: round(tailMs, 1),
    rateLimitWaitMs: summary.rateLimitWaitMs,
    jobRequests: summary.requests,
    limiter: opts.limiter ? JSON.stringify(opts.limiter) : 'default',
    cpuIdlePct: Math.round((100 * (cpu1.idle - cpu0.idle)) / Math.max(1, cpu1.total - cpu0.total)),
    engineCpuMs: Math.round((own.user + own.system) / 1000),
    storeCpuMs: Math.round(after.cpuMs - before.cpuMs),
  };
}

export async function startBenchEnv(
  options: Parameters<typeof startDemoProcess>[0],
  fetchImpl: typeof fetch,
  limiter: Options['limiter'],
): Promise<BenchEnv> {
  return envAround(await startDemoProcess(options), { fetch: fetchImpl, limiter });
}

/** A fetch that records each request's method and duration (the write requests' median is tTail). */
export function timingFetch(timings: Timing[]): typeof fetch {
  return async (input, init) => {
    const t0 = performance.now();
    try {
      return await fetch(input, init);
    } finally {
      timings.push({ method: init?.method ?? 'GET', ms: performance.now() - t0 });
    }
  };
}

/** The jobs service a bench drives: it notes when each job first reaches a final status. */
export function benchJobs(env: BenchEnv, opts: Pick<Options, 'requestsInFlight'>): JobsService {
  return createJobsService({
    dataDir: env.dataDir,
    bigcommerce: env.bigcommerce,
    requestsInFlight: opts.requestsInFlight,
    onEvent: ({ job }) => {
      if (AT_REST.has(job.status) && !finished.has(job.id)) finished.set(job.id, performance.now());
    },
  });
}

export async function runBulkBench(options: BulkBenchOptions = {}): Promise<BulkBenchRow[]> {
  const opts: Options = {
    products: 10_000,
    edits: 10_000,
    rateQuota: 150,
    rateWindowMs: 10_000,
    faultRate: 0,
    latencyMs: 0,
    seed: 'stockroom-bench',
    ...options,
  };
  const timings: Timing[] = [];
  const env = await startBenchEnv(
    { stores: 1, products: opts.products, customers: 10, orders: 10, rateQuota: opts.rateQuota, rateWindowMs: opts.rateWindowMs, faultRate: opts.faultRate, latencyMs: opts.latencyMs, seed: opts.seed },
    timingFetch(timings),
    opts.limiter,
  );
  const jobs = benchJobs(env, opts);
  try {
    const products = await listAll(env, '/v3/catalog/products', opts.edits, '&include_fields=price');
    const variants = await listAll(env, '/v3/catalog/variants', opts.edits, '&include_fields=inventory_level');
    await sleep(opts.rateWindowMs + 100); // start each job on a fresh quota window
    const priceRule = { kind: 'percent', amount: '10', round: { to: 'ending', ending: '.99' } } as const;
    const priceEdits = products.map((p): JobEdit => ({ entity: 'product', id: p.id, field: 'price', from: money(p.price), to: applyPriceRule(money(p.price)!, priceRule, 2) }));
    const stockEdits = variants.map((v): JobEdit => ({ entity: 'variant', id: v.id, field: 'inventory_level', from: v.inventory_level as number, to: applyStockRule(v.inventory_level as number, { kind: 'add', amount: 5 }) }));
    const readRowsOf = (path: string) => readRows(env, path);
    return [
      await runJob(env, jobs, timings, 'product prices +10% (.99)', priceEdits, readRowsOf('/v3/catalog/products'), opts),
      await runJob(env, jobs, timings, 'variant stock +5', stockEdits, readRowsOf('/v3/catalog/variants'), opts),
    ];
  } finally {
    await jobs.close();
    await env.close();
  }
}

/** Rows of a V3 collection by id, 250 per request (the read-back that counts lost edits). */
export function readRows(env: BenchEnv, path: string) {
  return async (ids: number[]): Promise<Map<number, Row>> => {
    const out = new Map<number, Row>();
    for (let i = 0; i < ids.length; i += 250) {
      const { data } = await env.raw<{ data: Row[] }>('GET', `${path}?id:in=${ids.slice(i, i + 250).join(',')}&limit=250`);
      data.data.forEach((r) => out.set(r.id, r));
    }
    return out;
  };
}

/**
 * The targets are judged on 10 s windows of 150 (the Standard shape, a third of the real 30 s so a
 * run takes minutes). The same jobs on 3 s windows follow for comparison: processing the last
 * window's requests costs this machine ~0.2 s whatever the window (the store emulator and the
 * engine share two cores: see engineCpuMs/storeCpuMs), which is 7 % of a 3 s two-window job.
 * Last, a remote-like store (100 ms a request, 5 s windows): there a window's last requests are
 * bound by latency and concurrency, not by the quota.
 */
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const standard = { rateQuota: 150, rateWindowMs: 10_000 };
  const rows = [...(await runBulkBench(standard)), ...(await runBulkBench({ ...standard, faultRate: 0.05 }))];
  const shortWindows = await runBulkBench({ rateQuota: 150, rateWindowMs: 3000 });
  const remoteLike = await runBulkBench({ rateQuota: 150, rateWindowMs: 5000, latencyMs: 100 });
  console.log(JSON.stringify({ targets: rows, shortWindows, remoteLike }, null, 2));
}
