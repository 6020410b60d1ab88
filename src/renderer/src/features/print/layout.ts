import type { PostalAddress } from '../../../../shared/contract/picklists';
import type { PaperSize } from '../../../../shared/contract/print';

/** Paper in millimetres, portrait. */
export const PAPER: Record<PaperSize, { widthMm: number; heightMm: number }> = {
  A4: { widthMm: 210, heightMm: 297 },
  Letter: { widthMm: 215.9, heightMm: 279.4 },
};

/** Page margins; the bottom one holds the page number ("n / N") in its margin box. */
export const MARGIN_MM = { top: 12, right: 12, bottom: 16, left: 12 } as const;

/** CSS pixels per millimetre (CSS fixes 96 px to the inch, on screen and in print). */
export const PX_PER_MM = 96 / 25.4;

export function contentBox(paper: PaperSize): { widthMm: number; heightMm: number; heightPx: number } {
  const { widthMm, heightMm } = PAPER[paper];
  const h = heightMm - MARGIN_MM.top - MARGIN_MM.bottom;
  return { widthMm: widthMm - MARGIN_MM.left - MARGIN_MM.right, heightMm: h, heightPx: h * PX_PER_MM };
}

/**
 * The document's `@page` rule: paper size, margins, and "n / N" in the bottom-right margin box
 * (CSS paged media counters; Chromium prints margin boxes since version 131, so the system
 * print, Electron's printToPDF and the browser's print all number the pages themselves).
 */
export function pageRule(paper: PaperSize, footer: string): string {
  const m = MARGIN_MM;
  const text = footer.replace(/["\\\n\r]/g, ' ');
  return (
    `@page { size: ${paper === 'A4' ? 'A4' : 'letter'} portrait; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;` +
    ` @bottom-left { content: "${text}"; font: 8pt system-ui, sans-serif; color: #555; }` +
    ` @bottom-right { content: counter(page) " / " counter(pages); font: 8pt system-ui, sans-serif; color: #555; } }`
  );
}

export interface PaginateInput {
  /** Heights of the unbreakable blocks (table rows), in order. */
  rows: readonly number[];
  /** The content height of one page. */
  pageHeight: number;
  /** What comes before the first row on page 1 (the document's heading and the table header). */
  firstOffset: number;
  /** What repeats at the top of every later page (the table header). */
  repeatHeight: number;
}

/**
 * Where the printer breaks the pages, for the preview's page guides: rows never split
 * (`break-inside: avoid`), the table header repeats on every page. Returns the index of each
 * page's first row; a row taller than a page gets a page of its own.
 */
export function paginate({ rows, pageHeight, firstOffset, repeatHeight }: PaginateInput): number[] {
  if (rows.length === 0) return [];
  const starts = [0];
  let used = firstOffset;
  rows.forEach((h, i) => {
    if (used + h > pageHeight && i > starts[starts.length - 1]!) {
      starts.push(i);
      used = repeatHeight;
    }
    used += h;
  });
  return starts;
}

/** "#101 ×2, #105" — an order's count only where it is more than one. */
export function formatOrders(orders: ReadonlyArray<{ orderId: number; quantity: number }>): string {
  return orders.map((o) => (o.quantity > 1 ? `#${o.orderId} ×${o.quantity}` : `#${o.orderId}`)).join(', ');
}

/** A postal address as printed lines, empty parts left out. */
export function addressLines(a: PostalAddress): string[] {
  const cityLine = [a.zip, a.city].filter(Boolean).join(' ') + (a.state ? `, ${a.state}` : '');
  return [a.name, a.company, a.street1, a.street2, cityLine, a.country].map((s) => s.trim()).filter(Boolean);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** "pick-list-2026-12-03-1412.pdf": sortable, no characters a file system refuses. */
export function pdfFileName(kind: 'pickList' | 'packingSlips', at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}`;
  return `${kind === 'pickList' ? 'pick-list' : 'packing-slips'}-${stamp}.pdf`;
}

/** Date and time as the printout shows them, in the operator's locale. */
export function printedAt(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
