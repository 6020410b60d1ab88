import { createHash } from 'node:crypto';
import type { StoreRuntime } from '../server/store-runtime';
import type { Change, PendingEvent } from '../state/tx';
import type { HookRow } from '../state/types';
import { unixSeconds } from '../util/dates';

/** BigCommerce's retry schedule (facts §9); the hook is deactivated after the last retry fails. */
export const DEFAULT_RETRY_SCHEDULE_MS = [60, 180, 300, 600, 900, 1800, 3600, 7200, 21600, 50400, 86400].map((s) => s * 1000);

const DELIVERY_TIMEOUT_MS = 10_000; // [unverified] BigCommerce only says slow responses count as failures

export interface DispatcherDeps {
  schedule: number[];
  commit(storeHash: string, changes: Change[]): Promise<void>;
}

export interface WebhookPayload {
  scope: string;
  store_id: string;
  data: Record<string, unknown>;
  hash: string;
  created_at: number;
  producer: string;
}

/** `store/product/*` matches every scope under `store/product/`; otherwise the scope must be equal. */
export function scopeMatches(hookScope: string, eventScope: string): boolean {
  if (hookScope === eventScope) return true;
  if (!hookScope.endsWith('/*')) return false;
  return eventScope.startsWith(hookScope.slice(0, -1));
}

export function buildPayload(store: StoreRuntime, ev: PendingEvent, nowMs: number): WebhookPayload {
  return {
    scope: ev.scope,
    store_id: String(store.profile.storeId),
    data: ev.data,
    // "The SHA-1 hash of the JSON-encoded payload data", identical for duplicate deliveries.
    hash: createHash('sha1').update(JSON.stringify(ev.data)).digest('hex'),
    created_at: unixSeconds(nowMs),
    producer: `stores/${store.profile.hash}`,
  };
}

/** Asynchronous deliveries with retries; never awaited by the API request that caused them. */
export class WebhookDispatcher {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inflight = new Set<AbortController>();
  private stopped = false;

  constructor(private readonly deps: DispatcherDeps) {}

  dispatch(store: StoreRuntime, events: readonly PendingEvent[]): void {
    if (this.stopped) return;
    const hooks = store.db.hooks.all().filter((h) => h.is_active);
    if (hooks.length === 0) return;
    const now = Date.now();
    for (const ev of events) {
      for (const hook of hooks) {
        if (scopeMatches(hook.scope, ev.scope)) void this.attempt(store, hook.id, buildPayload(store, ev, now), 0);
      }
    }
  }

  private async attempt(store: StoreRuntime, hookId: number, payload: WebhookPayload, attempt: number): Promise<void> {
    const hook = store.db.hooks.get(hookId);
    if (this.stopped || !hook || !hook.is_active) return;
    const ok = await this.post(hook, payload);
    if (ok || this.stopped) return;
    if (attempt < this.deps.schedule.length) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void this.attempt(store, hookId, payload, attempt + 1);
      }, this.deps.schedule[attempt]);
      timer.unref?.();
      this.timers.add(timer);
      return;
    }
    await this.deactivate(store, hookId);
  }

  private async post(hook: HookRow, payload: WebhookPayload): Promise<boolean> {
    const ctrl = new AbortController();
    this.inflight.add(ctrl);
    const timeout = setTimeout(() => ctrl.abort(), DELIVERY_TIMEOUT_MS);
    try {
      const res = await fetch(hook.destination, {
        method: 'POST',
        headers: { ...(hook.headers ?? {}), 'Content-Type': 'application/json', 'User-Agent': 'Stockroom-Demo-Store-Webhooks/1.0' },
        body: JSON.stringify(payload),
        signal: ctrl.signal,
      });
      await res.arrayBuffer().catch(() => undefined);
      return res.status >= 200 && res.status < 300;
    } catch {
      return false;
    } finally {
      clearTimeout(timeout);
      this.inflight.delete(ctrl);
    }
  }

  /** After the final retry fails BigCommerce sets `is_active:false` (and emails the owner). */
  private async deactivate(store: StoreRuntime, hookId: number): Promise<void> {
    const hook = store.db.hooks.get(hookId);
    if (!hook || !hook.is_active || this.stopped) return;
    const next: HookRow = { ...hook, is_active: false, updated_at: unixSeconds(Date.now()) };
    store.db.hooks.put(next);
    await this.deps.commit(store.profile.hash, [{ t: 'hooks', v: next }]).catch(() => undefined);
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const c of this.inflight) c.abort();
  }
}
