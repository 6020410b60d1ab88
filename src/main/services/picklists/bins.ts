/**
 * Bin order as a person reads it: digit runs compare as numbers (`A-2` before `A-10`, `B-01-3`
 * before `B-1-10`), case and accents do not count. ICU's numeric collation does exactly this, so
 * no library is needed; the raw comparison only breaks ties (`A-2` vs `A-02`) so the order is total.
 */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export function compareNatural(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Bins first in natural order, then lines without a bin. */
export function compareBins(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return compareNatural(a, b);
}

const SEPARATOR = /[-_./\s]/;

/** The bin's part before its first separator: `A-03-2` → `A`; a bin without one is its own zone. */
export function zoneOf(bin: string | null): string | null {
  if (bin === null) return null;
  const cut = bin.search(SEPARATOR);
  return cut > 0 ? bin.slice(0, cut) : bin;
}

/** A bin as the catalog holds it: blank means none. */
export function cleanBin(bin: string | null | undefined): string | null {
  const trimmed = bin?.trim();
  return trimmed ? trimmed : null;
}
