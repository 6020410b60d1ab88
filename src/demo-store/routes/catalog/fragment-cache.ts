/**
 * Serialized JSON of immutable rows, looked up by row id and checked by row identity (a replaced
 * row misses), bounded in bytes: two generations, the older dropped whole when the younger fills,
 * so recently read rows stay (an approximate LRU at O(1) per access).
 *
 * Why bounded and not a WeakMap per row object (what this replaced): a client walking a 100,000
 * product catalog reads each row once, so the WeakMap kept ~490,000 Buffers (~420 MB) alive that
 * were never read again. Mark-compact pauses grew with that heap (1.4 s → 6 s each, 14 s of a
 * 48 s walk), which made a full walk superlinear. Hot pages read again and again (the warm-page
 * benchmark, a UI polling page 1) fit in a generation and stay cached.
 */
export class FragmentCache<R extends { id: number }, K = undefined> {
  private young = new Map<number, Entry<R, K>>();
  private old = new Map<number, Entry<R, K>>();
  private youngBytes = 0;

  constructor(private readonly generationBytes: number) {}

  /** The cached fragment of this exact row (and key, e.g. the parent row it was rendered with). */
  get(row: R, key: K): Buffer | undefined {
    const hit = this.young.get(row.id);
    if (hit !== undefined) return hit.row === row && hit.key === key ? hit.buf : undefined;
    const aged = this.old.get(row.id);
    if (aged === undefined || aged.row !== row || aged.key !== key) return undefined;
    this.old.delete(row.id);
    this.add(aged);
    return aged.buf;
  }

  set(row: R, key: K, buf: Buffer): void {
    this.add({ row, key, buf });
  }

  private add(entry: Entry<R, K>): void {
    const previous = this.young.get(entry.row.id);
    if (previous) this.youngBytes -= previous.buf.length;
    this.young.set(entry.row.id, entry);
    this.youngBytes += entry.buf.length;
    if (this.youngBytes > this.generationBytes) {
      this.old = this.young;
      this.young = new Map();
      this.youngBytes = 0;
    }
  }
}

interface Entry<R, K> {
  row: R;
  key: K;
  buf: Buffer;
}
