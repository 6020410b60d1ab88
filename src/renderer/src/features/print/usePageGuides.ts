import { useLayoutEffect, useState, type RefObject } from 'react';
import type { PaperSize } from '../../../../shared/contract/print';
import { contentBox, paginate } from './layout';

export interface PageGuide {
  /** From the top of the preview, in CSS pixels. */
  top: number;
  page: number;
}

/**
 * Where the printed pages of a one-table document will break, measured on the preview (the same
 * DOM and CSS at the paper's content width): the preview draws a guide there, "Page 2 / 5".
 */
export function usePageGuides(ref: RefObject<HTMLElement | null>, paper: PaperSize, version: unknown): { guides: PageGuide[]; pages: number } {
  const [result, setResult] = useState<{ guides: PageGuide[]; pages: number }>({ guides: [], pages: 0 });
  useLayoutEffect(() => {
    const page = ref.current?.querySelector<HTMLElement>('.print-page');
    const table = page?.querySelector<HTMLElement>('.print-table');
    if (!page || !table) return setResult({ guides: [], pages: page ? 1 : 0 });
    const origin = page.getBoundingClientRect().top + parseFloat(getComputedStyle(page).paddingTop);
    const base = ref.current!.getBoundingClientRect().top;
    const head = table.querySelector('thead')!.getBoundingClientRect();
    const rows = [...table.querySelectorAll<HTMLElement>('tbody > tr')].map((r) => r.getBoundingClientRect());
    const starts = paginate({
      rows: rows.map((r) => r.height),
      pageHeight: contentBox(paper).heightPx,
      firstOffset: head.bottom - origin,
      repeatHeight: head.height,
    });
    setResult({ guides: starts.slice(1).map((i, n) => ({ top: rows[i]!.top - base, page: n + 2 })), pages: Math.max(1, starts.length) });
  }, [ref, paper, version]);
  return result;
}
