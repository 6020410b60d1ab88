import { randomBytes } from 'node:crypto';
import type { BigCommerceClient, BigCommerceService, Clock, RateLimiterState } from '../bigcommerce';
import type { JobDetail, JobEvent, JobStatus, JobSummary } from './edit-schema';
import { writeState } from './job-files';
import type { JobRecord } from './job-record';
import type { IntentRecord, Journal } from './journal';
import { Gate } from './gate';
import type { RunContext } from './run-context';
import { Throttle } from './throttle';

/** Why a running job is being asked to stop. */
export type StopReason = 'pause' | 'cancel' | 'close';

export interface EntryDeps {
  dataDir: string;
  bigcommerce: Pick<BigCommerceService, 'clientFor' | 'limiterFor'>;
  clock: Clock;
  onEvent?: (event: JobEvent) => void;
  journalFor(storeId: string): Journal;
  progressIntervalMs: number;
  saveIntervalMs: number;
  requestsInFlight: number;
}

/** ≤ 10 events per second per job (GUIDE: the renderer redraws a progress bar, not a log). */
export const PROGRESS_INTERVAL_MS = 100;
/** state.json at most once a second while running; the journal carries the per-batch truth. */
export const SAVE_INTERVAL_MS = 1000;

/**
 * One job as the service holds it: the record plus its plumbing (throttled events and saves, the
 * stop flag, unanswered intents, waiters for "no longer running").
 */
export class JobEntry {
  stop: StopReason | null = null;
  private gate: Gate | null = null;
  openIntents = new Map<string, IntentRecord>();
  /** The definition's write (job.json); already settled for a job loaded from disk. */
  saved: Promise<void> = Promise.resolve();
  run: Promise<void> | null = null;
  private readonly events: Throttle;
  private readonly saves: Throttle;
  private saveChain: Promise<void> = Promise.resolve();
  /** Bumped by every change; a new entry counts as unsaved until its first save lands. */
  private version = 1;
  private savedVersion = 0;
  private waiters: Array<() => void> = [];

  constructor(
    readonly record: JobRecord,
    private readonly deps: EntryDeps,
  ) {
    this.events = new Throttle(deps.clock, deps.progressIntervalMs, () => this.emit());
    this.saves = new Throttle(deps.clock, deps.saveIntervalMs, () => void this.queueSave());
  }

  get id(): string {
    return this.record.def.id;
  }

  get storeId(): string {
    return this.record.def.storeId;
  }

  waitedMs(): number {
    return this.deps.bigcommerce.limiterFor(this.storeId).state().totalWaitedMs;
  }

  summary(): JobSummary {
    const now = this.deps.clock.now();
    const limiter = this.deps.bigcommerce.limiterFor(this.storeId).state();
    const summary = this.record.summary(now, limiter.totalWaitedMs);
    if (summary.etaMs !== null && summary.etaMs > 0) summary.etaMs = Math.max(summary.etaMs, this.quotaEta(limiter, now));
    return summary;
  }

  detail(): JobDetail {
    const changes = this.record.changeResults();
    return { ...this.summary(), rows: this.record.rowResults(), ...(changes ? { changes } : {}) };
  }

  /**
   * The pace so far overstates a quota-bound job's speed (its first window goes in a burst), so
   * the ETA is at least what the quota allows for the requests still to come.
   */
  private quotaEta(limiter: RateLimiterState, now: number): number {
    const { plan } = this.record;
    if (limiter.mode !== 'metered' || !limiter.quota || !limiter.windowMs || !plan) return 0;
    const remaining = plan.requests - (this.record.requests - plan.requestsAtStart);
    const left = limiter.left ?? 0;
    if (remaining <= left) return 0;
    const untilReset = limiter.resetAt !== null ? Math.max(0, limiter.resetAt - now) : limiter.windowMs;
    return untilReset + Math.floor((remaining - left - 1) / limiter.quota) * limiter.windowMs;
  }

  /** Batches already sent finish; those still waiting to be sent are not sent. */
  requestStop(reason: StopReason): void {
    const rank: Record<StopReason, number> = { pause: 1, close: 2, cancel: 3 };
    if (this.stop === null || rank[reason] > rank[this.stop]) this.stop = reason;
    this.gate?.refuseWaiting();
  }

  changed(): void {
    this.version++;
    this.events.poke();
    this.saves.poke();
  }

  /**
   * A status change is announced at once, outside the throttle, and saved. Only where a job comes
   * to rest is the save awaited: `queued` and `running` are recovered as `interrupted` either way,
   * so the job need not wait ~40 ms of fsyncs before its first request.
   */
  async setStatus(status: JobStatus, error?: string): Promise<void> {
    this.version++;
    this.record.status = status;
    if (error !== undefined) this.record.error = error;
    if (status === 'completed' || status === 'completed_with_errors' || status === 'cancelled') {
      this.record.finishedAt = new Date(this.deps.clock.now()).toISOString();
    }
    const saved = this.save();
    if (status !== 'queued' && status !== 'running') await saved;
    this.events.flush();
    if (status !== 'queued' && status !== 'running') {
      const waiters = this.waiters;
      this.waiters = [];
      waiters.forEach((resolve) => resolve());
    }
  }

  async save(): Promise<void> {
    this.saves.cancel();
    await this.queueSave();
  }

  /**
   * Nothing about this job is only in the journal: it is not running, every request it sent has
   * a recorded outcome, and its last change is in state.json (see journal-upkeep.ts).
   */
  atRest(): boolean {
    return this.record.status !== 'running' && this.openIntents.size === 0 && this.savedVersion === this.version;
  }

  /** Resolves once the job is neither queued nor running. */
  settled(): Promise<void> {
    const { status } = this.record;
    if (status !== 'queued' && status !== 'running') return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  context(): RunContext {
    const runId = randomBytes(4).toString('hex');
    let seq = 0;
    const gate = new Gate(this.deps.requestsInFlight);
    this.gate = gate;
    return {
      job: this.record,
      client: countingClient(this.deps.bigcommerce.clientFor(this.storeId), this.record),
      journal: this.deps.journalFor(this.storeId),
      clock: this.deps.clock,
      openIntents: this.openIntents,
      saved: this.saved,
      newBatchId: () => `${runId}.${++seq}`,
      sendGate: gate,
      stopRequested: () => this.stop !== null,
      changed: () => this.changed(),
      save: () => this.save(),
    };
  }

  private queueSave(): Promise<void> {
    // Serialized so an older snapshot never lands after a newer one.
    this.saveChain = this.saveChain
      .then(async () => {
        const version = this.version; // writeState takes its snapshot before its first await
        await writeState(this.deps.dataDir, this.record);
        this.savedVersion = Math.max(this.savedVersion, version);
      })
      .catch((error: unknown) => console.error(`[jobs] could not save job ${this.id}:`, error));
    return this.saveChain;
  }

  private emit(): void {
    try {
      this.deps.onEvent?.({ type: 'progressed', job: this.summary() });
    } catch (error) {
      // A broken listener must not stop the job.
      console.error('[jobs] progress listener failed:', error);
    }
  }
}

function countingClient(client: BigCommerceClient, record: JobRecord): BigCommerceClient {
  return {
    storeHash: client.storeHash,
    request: (options) => {
      record.requests++;
      return client.request(options);
    },
  };
}
