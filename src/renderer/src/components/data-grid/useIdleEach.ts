import { useEffect } from 'react';

/**
 * Calls `each` on every item while the page is idle, a few milliseconds at a time, and stops when
 * the items change or the component goes. The grid prepares its quick-filter texts this way, so
 * the first filter over 100,000 rows scans strings instead of formatting every cell.
 */
export function useIdleEach<T>(items: readonly T[], each: (item: T) => void): void {
  useEffect(() => {
    let next = 0;
    let handle = 0;
    const work = (deadline: IdleDeadline) => {
      while (next < items.length && deadline.timeRemaining() > 1) each(items[next++]!);
      if (next < items.length) handle = requestIdleCallback(work);
    };
    handle = requestIdleCallback(work);
    return () => cancelIdleCallback(handle);
  }, [items, each]);
}
