import { useState } from 'react';

const KEY = 'stockroom.stagedPanel';
export const PANEL_MIN = 120;
const DEFAULT_HEIGHT = 200;

interface PanelSize {
  height: number;
  collapsed: boolean;
}

function load(): PanelSize {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<PanelSize> | null;
    return { height: typeof saved?.height === 'number' ? saved.height : DEFAULT_HEIGHT, collapsed: saved?.collapsed === true };
  } catch {
    return { height: DEFAULT_HEIGHT, collapsed: false };
  }
}

/** The staged-changes panel's height and whether it is folded away, kept across launches. */
export function usePanelSize() {
  const [size, setSize] = useState<PanelSize>(load);
  const update = (next: Partial<PanelSize>) =>
    setSize((current) => {
      const merged = { ...current, ...next };
      merged.height = Math.round(Math.min(Math.max(merged.height, PANEL_MIN), Math.max(PANEL_MIN, window.innerHeight * 0.7)));
      localStorage.setItem(KEY, JSON.stringify(merged));
      return merged;
    });
  return { ...size, setHeight: (height: number) => update({ height }), toggle: () => update({ collapsed: !size.collapsed }) };
}
