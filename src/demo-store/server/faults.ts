import { createRng, type Rng } from '../util/prng';

/**
 * Seeded fault injection. The decision is taken before a request is applied, so a 5xx never
 * applies a write. Dropped connections come in two flavours: before applying (nothing changed)
 * and, for a configurable share of writes, after applying and journaling the change, so clients
 * must cope with an ambiguous POST/PUT whose outcome they never saw.
 */
export type Fault =
  | { kind: 'status'; status: 500 | 502 | 503 | 504 }
  | { kind: 'drop'; when: 'before' | 'after' };

const STATUSES = [500, 502, 503, 504] as const;

export class FaultInjector {
  private readonly rng: Rng;

  constructor(
    private readonly rate: number,
    seed: number | string,
    private readonly dropAfterRatio: number,
  ) {
    this.rng = createRng(`${String(seed)}/faults`);
  }

  /** Draws are consumed only when faults are enabled, so fault-free runs stay identical. */
  decide(isWrite: boolean): Fault | null {
    if (this.rate <= 0) return null;
    if (this.rng.next() >= this.rate) return null;
    const pick = this.rng.int(0, 4);
    if (pick < 4) return { kind: 'status', status: STATUSES[pick] };
    const after = isWrite && this.rng.next() < this.dropAfterRatio;
    return { kind: 'drop', when: after ? 'after' : 'before' };
  }
}
