import type { CatalogEvent, SyncPhase } from './types';

/**
 * Progress events at most every `intervalMs` per store, so a 400-page load doesn't flood the
 * event bus (and the renderer) with one event per page. The first event of a phase and the one
 * that reaches the total always go out, so the UI sees the start and a 100% for every phase.
 */
export function createProgressThrottle(
  storeId: string,
  emit: (event: CatalogEvent) => void,
  now: () => number,
  intervalMs: number,
): (phase: SyncPhase, loaded: number, total: number) => void {
  let lastAt = -Infinity;
  let lastPhase: SyncPhase | null = null;
  return (phase, loaded, total) => {
    const t = now();
    const done = loaded >= total;
    if (phase === lastPhase && !done && t - lastAt < intervalMs) return;
    lastAt = t;
    lastPhase = phase;
    emit({ type: 'syncProgressed', storeId, loaded, total, phase });
  };
}
