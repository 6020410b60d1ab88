/**
 * Admits at most `max` holders; the rest wait in order. `refuseWaiting()` answers every waiter
 * `false`: a paused job's batches that never left the process are not sent, while the ones
 * already out are finished.
 */
export class Gate {
  private active = 0;
  private waiters: Array<(admitted: boolean) => void> = [];

  constructor(readonly max: number) {}

  acquire(): Promise<boolean> {
    if (this.active < this.max) {
      this.active++;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  release(): void {
    const next = this.waiters.shift();
    if (next) next(true);
    else this.active--;
  }

  refuseWaiting(): void {
    for (const waiter of this.waiters.splice(0)) waiter(false);
  }
}
