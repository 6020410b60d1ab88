/**
 * An id-keyed table of immutable rows. Rows are replaced, never mutated, so serialized JSON
 * can be cached per row object. Map insertion order equals id order because ids only grow.
 */
export interface Row {
  id: number;
}

export interface TableHooks<T> {
  onPut?(row: T, prev: T | undefined): void;
  onDelete?(row: T): void;
  /** Called before a row is written or deleted (lazy seed data is materialized first). */
  beforeWrite?(row: T | undefined, id: number): void;
  /** Called when `get` misses, so lazily seeded rows can be generated on demand. */
  onMiss?(id: number): void;
  /** Called before a full scan. */
  beforeAll?(): void;
}

export class Table<T extends Row> {
  private readonly rows = new Map<number, T>();
  private sorted: T[] | null = null;
  private maxId = 0;

  constructor(readonly name: string, private readonly hooks: TableHooks<T> = {}) {}

  get size(): number {
    return this.rows.size;
  }

  get(id: number): T | undefined {
    const row = this.rows.get(id);
    if (row !== undefined || !this.hooks.onMiss) return row;
    this.hooks.onMiss(id);
    return this.rows.get(id);
  }

  has(id: number): boolean {
    return this.get(id) !== undefined;
  }

  /** Next id that has never been used (ids are not reused after delete, like BigCommerce). */
  peekNextId(): number {
    return this.maxId + 1;
  }

  /** Raise the high-water mark (used when replaying deletes of rows this process never saw). */
  bumpMaxId(id: number): void {
    if (id > this.maxId) this.maxId = id;
  }

  put(row: T): T | undefined {
    this.hooks.beforeWrite?.(row, row.id);
    const prev = this.rows.get(row.id);
    this.rows.set(row.id, row);
    if (this.sorted) this.updateSorted(row, prev);
    this.bumpMaxId(row.id);
    this.hooks.onPut?.(row, prev);
    return prev;
  }

  delete(id: number): T | undefined {
    this.hooks.beforeWrite?.(undefined, id);
    const prev = this.get(id);
    if (!prev) return undefined;
    this.rows.delete(id);
    this.sorted = null;
    this.hooks.onDelete?.(prev);
    return prev;
  }

  /** All rows in ascending id order (cached; do not mutate). */
  all(): readonly T[] {
    this.hooks.beforeAll?.();
    if (!this.sorted) {
      const arr = [...this.rows.values()];
      // Insertion order is id order except after replays that re-create rows out of order.
      if (!isSorted(arr)) arr.sort((a, b) => a.id - b.id);
      this.sorted = arr;
    }
    return this.sorted;
  }

  private updateSorted(row: T, prev: T | undefined): void {
    const arr = this.sorted!;
    if (prev) {
      const i = indexById(arr, row.id);
      if (i >= 0) arr[i] = row;
      else this.sorted = null;
    } else if (arr.length === 0 || arr[arr.length - 1].id < row.id) {
      arr.push(row);
    } else {
      this.sorted = null;
    }
  }
}

function isSorted(arr: Row[]): boolean {
  for (let i = 1; i < arr.length; i++) if (arr[i - 1].id > arr[i].id) return false;
  return true;
}

function indexById(arr: Row[], id: number): number {
  let lo = 0, hi = arr.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = arr[mid].id;
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
