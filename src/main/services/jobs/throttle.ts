import type { Clock } from '../bigcommerce';

/**
 * Run `action` at most once per `intervalMs`: the first poke runs it at once, pokes within the
 * interval collapse into one trailing run. `flush()` runs it now (final progress event, state
 * save at a status change). Time comes from the injected clock.
 */
export class Throttle {
  private last = Number.NEGATIVE_INFINITY;
  private pending: AbortController | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly intervalMs: number,
    private readonly action: () => void,
  ) {}

  poke(): void {
    if (this.pending) return;
    const wait = this.last + this.intervalMs - this.clock.now();
    if (wait <= 0) return this.fire();
    const controller = new AbortController();
    this.pending = controller;
    void this.clock.sleep(wait, controller.signal).then(() => {
      if (controller.signal.aborted || this.pending !== controller) return;
      this.pending = null;
      this.fire();
    });
  }

  flush(): void {
    this.cancel();
    this.fire();
  }

  cancel(): void {
    this.pending?.abort();
    this.pending = null;
  }

  private fire(): void {
    this.last = this.clock.now();
    this.action();
  }
}
