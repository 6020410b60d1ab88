import { create } from 'zustand';

export interface Toast {
  id: number;
  level: 'info' | 'success' | 'warning' | 'error';
  message: string;
  /** The same message again while it is shown: counted, not stacked. */
  count: number;
}

interface ToastState {
  toasts: Toast[];
  push(level: Toast['level'], message: string): void;
  dismiss(id: number): void;
  dismissErrors(): void;
}

/** Information fades; errors and warnings stay until dismissed (they may need acting on). */
export const FADE_MS = 6000;
const MAX_KEPT = 50;

let nextId = 1;

export const useToasts = create<ToastState>((set, get) => ({
  toasts: [],
  push(level, message) {
    const same = get().toasts.find((t) => t.level === level && t.message === message);
    if (same) {
      set({ toasts: get().toasts.map((t) => (t === same ? { ...t, count: t.count + 1 } : t)) });
      return;
    }
    const id = nextId++;
    set({ toasts: [...get().toasts, { id, level, message, count: 1 }].slice(-MAX_KEPT) });
    if (fades(level)) setTimeout(() => get().dismiss(id), FADE_MS);
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
  dismissErrors() {
    set({ toasts: get().toasts.filter((t) => fades(t.level)) });
  },
}));

export function fades(level: Toast['level']): boolean {
  return level === 'info' || level === 'success';
}
