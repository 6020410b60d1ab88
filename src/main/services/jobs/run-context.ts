import type { BigCommerceClient, Clock } from '../bigcommerce';
import type { JsonValue } from './edit-schema';
import type { Gate } from './gate';
import type { JobRecord, RowState } from './job-record';
import type { IntentRecord, IntentRow, Journal } from './journal';

/** Everything a running job (or a recovery of one) works with. */
export interface RunContext {
  job: JobRecord;
  /** Counts every request into job.requests. */
  client: BigCommerceClient;
  journal: Journal;
  clock: Clock;
  /** This job's intents with no applied/settled record yet (requests whose outcome is unknown). */
  openIntents: Map<string, IntentRecord>;
  newBatchId(): string;
  /**
   * Resolves once the job's definition is on disk. Reads may go before it (they change nothing);
   * no write's intent is journaled before it, so recovery never meets a job it cannot load.
   */
  saved: Promise<void>;
  /** Write requests actually sent at once (see JobsServiceDeps.requestsInFlight). */
  sendGate: Gate;
  stopRequested(): boolean;
  /** Rows changed: progress event (throttled) and state save (throttled). */
  changed(): void;
  /** Saves the job's state now (a catalog create's send mark must be on disk before its POST goes). */
  save(): Promise<void>;
}

/** A row that passed the conflict check: the store had every `from`, shown in `before`. */
export interface ReadyItem extends IntentRow {
  before: Record<string, JsonValue>;
}

/** Stops the whole job (bad token, missing scope): every further request would fail the same way. */
export class JobStopError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JobStopError';
  }
}

export function setRows(ctx: RunContext, states: Iterable<[number, RowState]>): void {
  for (const [index, state] of states) ctx.job.set(index, state);
  ctx.changed();
}

export function rowsOf(item: IntentRow, state: RowState): Array<[number, RowState]> {
  return Object.values(item.fields).map((f) => [f.edit, state]);
}

export function nowIso(ctx: { clock: Clock }): string {
  return new Date(ctx.clock.now()).toISOString();
}
