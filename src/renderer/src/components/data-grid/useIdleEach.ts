import { useEffect } from 'react';

/** How long a call may wait for an idle moment before it takes a short slice anyway. */
const MAX_WAIT_MS = 50;
/** The slice taken when the page was never idle in MAX_WAIT_MS (a fraction of a frame). */
const BUSY_SLICE_MS = 4;

/**
 * Calls `each` on every item in small slices, and stops when the items change or the component
 * goes. The grid prepares its quick-filter texts this way, so the first filter over 100,000 rows
 * scans strings instead of formatting every cell. Slices come while the page is idle; a page that
 * is never idle (a busy machine, a long scroll) still gets a short slice every MAX_WAIT_MS, or the
 * first filter would make them all at once. Nothing is done while `busy()` says so (the grid is
 * scrolling: a fling has no idle frame, and a 4 ms slice pushed its frames over budget).
 */
export function useIdleEach<T>(items: readonly T[], each: (item: T) => void, busy: () => boolean): void {
  useEffect(() => {
    let next = 0;
    let handle = 0;
    const work = (deadline: IdleDeadline) => {
      if (busy()) {
        handle = requestIdleCallback(work, { timeout: MAX_WAIT_MS });
        return;
      }
      const end = performance.now() + (deadline.didTimeout ? BUSY_SLICE_MS : deadline.timeRemaining() - 1);
      while (next < items.length) {
        each(items[next++]!);
        if ((next & 63) === 0 && performance.now() >= end) break;
      }
      if (next < items.length) handle = requestIdleCallback(work, { timeout: MAX_WAIT_MS });
    };
    handle = requestIdleCallback(work, { timeout: MAX_WAIT_MS });
    return () => cancelIdleCallback(handle);
  }, [items, each, busy]);
}
