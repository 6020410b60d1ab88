import { useEffect } from 'react';

/**
 * Ctrl+1…9 (⌘ on macOS) select the first nine stores. Not while a modal dialog is open: an
 * Apply dialog must keep the store it names.
 */
export function useStoreShortcuts(storeIds: readonly string[], select: (id: string) => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const digit = /^Digit([1-9])$/.exec(event.code)?.[1];
      if (!digit) return;
      const id = storeIds[Number(digit) - 1];
      if (!id || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      select(id);
    };
    // Capture: the grid handles its own keys and must not swallow these.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [storeIds, select]);
}
