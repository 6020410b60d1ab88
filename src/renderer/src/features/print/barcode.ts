import { CODE128 } from 'jsbarcode/bin/barcodes/CODE128';

/** A bar: where it starts and how wide it is, in modules (the narrowest bar's width). */
export interface Bar {
  x: number;
  width: number;
}

export interface Code128 {
  bars: Bar[];
  /** Modules including the quiet zones either side. */
  modules: number;
}

/** Scanners need a margin of at least 10 modules each side (ISO/IEC 15417). */
export const QUIET_ZONE = 10;

/**
 * The bars of a Code 128 symbol for `text` (jsbarcode encodes it, we draw it as SVG rects so it
 * renders the same on screen, in print and in PDFs, without a canvas). Null for text Code 128
 * cannot carry (outside ASCII) or an empty one.
 */
export function code128(text: string): Code128 | null {
  if (!text) return null;
  const symbol = new CODE128(text, {});
  if (!symbol.valid()) return null;
  const modules = symbol.encode().data;
  const bars: Bar[] = [];
  for (let i = 0; i < modules.length; i++) {
    if (modules[i] !== '1') continue;
    const last = bars[bars.length - 1];
    if (last && last.x + last.width === QUIET_ZONE + i) last.width++;
    else bars.push({ x: QUIET_ZONE + i, width: 1 });
  }
  return { bars, modules: modules.length + 2 * QUIET_ZONE };
}

/** The bars as one SVG path in a 10-unit-high box, one unit per module. */
export function barsPath(bars: readonly Bar[]): string {
  return bars.map((b) => `M${b.x} 0h${b.width}v10h-${b.width}z`).join('');
}
