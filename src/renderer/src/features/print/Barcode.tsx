import { memo } from 'react';
import { barsPath, code128 } from './barcode';

/** Code 128 as SVG (one path: a pick list of 1,000 lines would otherwise be 60,000 rects to lay out and print), one module `moduleMm` wide; the caller prints the text itself (it must be readable and searchable). */
export const Barcode = memo(function Barcode({ value, moduleMm = 0.25, heightMm = 8 }: { value: string; moduleMm?: number; heightMm?: number }) {
  const symbol = code128(value);
  if (!symbol) return <span className="print-nobarcode">no barcode</span>;
  return (
    <svg
      className="print-barcode"
      role="img"
      aria-label={`Barcode ${value}`}
      viewBox={`0 0 ${symbol.modules} 10`}
      width={`${(symbol.modules * moduleMm).toFixed(2)}mm`}
      height={`${heightMm}mm`}
      preserveAspectRatio="none"
      shapeRendering="crispEdges"
    >
      <path d={barsPath(symbol.bars)} />
    </svg>
  );
});
