import { describe, expect, it } from 'vitest';
import { code128, QUIET_ZONE } from './barcode';
import { addressLines, contentBox, formatOrders, pageRule, paginate, pdfFileName } from './layout';

describe('paginate', () => {
  it('breaks before the row that no longer fits, and counts the repeated header on later pages', () => {
    // Page 100 high, heading + header 30, header 10, rows of 20: page 1 holds 3 rows (30+60=90), later pages 4 (10+80).
    expect(paginate({ rows: Array(12).fill(20), pageHeight: 100, firstOffset: 30, repeatHeight: 10 })).toEqual([0, 3, 7, 11]);
  });
  it('fills a page exactly and never splits a row', () => {
    expect(paginate({ rows: [50, 50, 50], pageHeight: 100, firstOffset: 0, repeatHeight: 0 })).toEqual([0, 2]);
    expect(paginate({ rows: [40, 61, 10], pageHeight: 100, firstOffset: 0, repeatHeight: 0 })).toEqual([0, 1]);
  });
  it('gives a row taller than a page a page of its own, and an empty list no pages', () => {
    expect(paginate({ rows: [10, 150, 10], pageHeight: 100, firstOffset: 0, repeatHeight: 5 })).toEqual([0, 1, 2]);
    expect(paginate({ rows: [], pageHeight: 100, firstOffset: 30, repeatHeight: 10 })).toEqual([]);
  });
});

describe('page geometry', () => {
  it('takes the margins off the paper, in millimetres and CSS pixels', () => {
    expect(contentBox('A4').widthMm).toBe(186);
    expect(contentBox('A4').heightPx).toBeCloseTo(269 * (96 / 25.4), 5);
    expect(contentBox('Letter').widthMm).toBeCloseTo(191.9, 5);
  });
  it('writes an @page rule with the paper, the page counter and a footer that cannot break out of its string', () => {
    const rule = pageRule('Letter', 'Pick list "A" \\ x');
    expect(rule).toContain('size: letter portrait');
    expect(rule).toContain('counter(page) " / " counter(pages)');
    expect(rule).toContain('content: "Pick list  A    x"');
  });
});

describe('printed text', () => {
  it('lists orders with their count only where it is more than one', () => {
    expect(formatOrders([{ orderId: 101, quantity: 2 }, { orderId: 105, quantity: 1 }])).toBe('#101 ×2, #105');
  });
  it('prints an address without empty lines', () => {
    const a = { name: 'Ann Lee', company: '', street1: '1 Main St', street2: '', city: 'Austin', state: 'Texas', zip: '78701', country: 'United States', phone: '' };
    expect(addressLines(a)).toEqual(['Ann Lee', '1 Main St', '78701 Austin, Texas', 'United States']);
  });
  it('names the PDF by kind and local time', () => {
    expect(pdfFileName('pickList', new Date(2026, 11, 3, 9, 5))).toBe('pick-list-2026-12-03-0905.pdf');
    expect(pdfFileName('packingSlips', new Date(2026, 0, 1, 23, 59))).toBe('packing-slips-2026-01-01-2359.pdf');
  });
});

describe('code128', () => {
  it('draws the symbol with quiet zones: 11 modules a character, start, check and a 13-module stop', () => {
    const symbol = code128('AB-12')!;
    // Start B + 5 data characters + check = 7 × 11, stop 13 (code set C would need 4 digits in a row).
    expect(symbol.modules).toBe(7 * 11 + 13 + 2 * QUIET_ZONE);
    const first = symbol.bars[0]!;
    expect(first.x).toBe(QUIET_ZONE);
    const last = symbol.bars[symbol.bars.length - 1]!;
    expect(last.x + last.width).toBe(symbol.modules - QUIET_ZONE); // the stop ends in a bar
    expect(symbol.bars.every((b, i) => i === 0 || b.x > symbol.bars[i - 1]!.x + symbol.bars[i - 1]!.width)).toBe(true);
  });
  it('compresses digits (code set C) and refuses what Code 128 cannot carry', () => {
    expect(code128('12345678')!.modules).toBeLessThan(code128('ABCDEFGH')!.modules);
    expect(code128('Größe')).toBeNull();
    expect(code128('')).toBeNull();
  });
});
