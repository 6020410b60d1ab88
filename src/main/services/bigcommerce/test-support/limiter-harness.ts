import { createRateLimiter, type Priority, type RateLimiterOptions, type RateLimiterState } from '../rate-limiter';
import { ManualClock } from './fake-clock';
import { QuotaSim, type SimReply } from './quota-sim';

/** Drives the limiter against the quota model in virtual time: no real waiting, fully repeatable. */
export function harness(opts: { quota?: number; windowMs?: number; latencyMs?: number } & RateLimiterOptions = {}) {
  const clock = new ManualClock();
  const sim = new QuotaSim(clock.now, opts.quota ?? 20, opts.windowMs ?? 1000);
  const limiter = createRateLimiter({ clock, ...opts });
  const latency = opts.latencyMs ?? 20;
  const log = { inFlight: 0, maxInFlight: 0, ours429: 0, completed: 0, dispatchTimes: [] as number[] };
  const states: RateLimiterState[] = [];
  limiter.onState((s) => states.push(s));

  /** One logical request: retried on 429 exactly as the client does (acquire again). */
  async function call(
    priority: Priority = 'bulk',
    req: { method?: string; path?: string; version?: 'v2' | 'v3' } = {},
    reply: () => SimReply = () => sim.handle(),
  ) {
    for (;;) {
      const permit = await limiter.acquire({
        method: req.method ?? 'PUT',
        version: req.version ?? 'v3',
        path: req.path ?? '/catalog/products',
        priority,
      });
      log.dispatchTimes.push(clock.now());
      log.maxInFlight = Math.max(log.maxInFlight, ++log.inFlight);
      await clock.sleep(latency / 2);
      const res = reply();
      await clock.sleep(latency / 2);
      log.inFlight--;
      permit.complete(res);
      if (res.status !== 429) {
        log.completed++;
        return { at: clock.now(), status: res.status };
      }
      log.ours429++;
    }
  }
  /** Run virtual time until `p` settles. */
  async function run<T>(p: Promise<T>): Promise<T> {
    let settled = false;
    p.then(
      () => (settled = true),
      () => (settled = true),
    );
    await clock.runUntil(() => settled, 120_000);
    return p;
  }
  return { clock, sim, limiter, log, states, call, run };
}
