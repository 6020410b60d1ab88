import type { OverlayEntry } from './overlay';

type Overlay = ReadonlyMap<string, OverlayEntry>;

/** What the index needs of the grid: a row's text and the staged records its cells edit. */
export interface QuickSource<Row> {
  /** The row's searchable text of the store's values, lower-cased (columns joined by a character no query word holds). */
  text(row: Row): string;
  /** The row's text under staged values, from its text of the store's values (only staged cells change). */
  staged(row: Row, base: string, overlay: Overlay): string;
  /** Calls `add` with the staged record (entity and id) of each of the row's editable cells. */
  records(row: Row, add: (entity: string, id: number) => void): void;
}

/** Rows per text chunk: one string each, so that one non-Latin-1 name widens only its chunk. */
const CHUNK = 1024;
/** Ends a row's text in its chunk: no query word holds it, so no hit spans two rows. */
const ROW_END = '\u0001';

/** The words of a quick-filter query: every one must appear in a row, anywhere, in any case. */
export function queryWords(query: string): string[] {
  return query.toLowerCase().replaceAll('\u0000', '').replaceAll(ROW_END, '').split(/\s+/).filter(Boolean);
}


/**
 * The quick filter's index over the store's values: every row's lower-cased text kept in a few
 * large strings (a chunk of rows each, with each row's start in a typed array) rather than a string
 * and an object per row, and a query answered by `indexOf` over each chunk instead of a test per
 * row. Rows with staged values are read afresh under the overlay (`stagedPlaces`), so a filter
 * matches what the cells show. Rows are known by their place in `rows`.
 */
export function quickIndex<Row>(rows: readonly Row[], source: QuickSource<Row>) {
  const chunks: string[] = [];
  const starts = new Int32Array(rows.length);
  let pending: string[] = [];
  let pendingLength = 0;
  let built = 0;
  // Record → places by entity, then numeric id: no string per row.
  const byRecord = new Map<string, Map<number, number | number[]>>();
  let recorded = 0;

  const record = (place: number) =>
    source.records(rows[place]!, (entity, id) => {
      let ids = byRecord.get(entity);
      if (!ids) byRecord.set(entity, (ids = new Map()));
      const had = ids.get(id);
      if (had === place || (Array.isArray(had) && had.includes(place))) return;
      ids.set(id, had === undefined ? place : typeof had === 'number' ? [had, place] : [...had, place]);
    });
  const buildNext = () => {
    const text = source.text(rows[built]!);
    starts[built] = pendingLength;
    pending.push(text);
    pendingLength += text.length + 1;
    built += 1;
    if (built % CHUNK === 0 || built === rows.length) {
      chunks.push(pending.join(ROW_END));
      pending = [];
      pendingLength = 0;
    }
  };
  const recordUpTo = (end: number) => {
    while (recorded < end) record(recorded++);
  };

  let stagedFor: Overlay | null = null;
  let staged: ReadonlySet<number> = new Set();
  /** Places of rows with a staged value in this overlay. */
  const stagedPlaces = (overlay: Overlay): ReadonlySet<number> => {
    if (overlay === stagedFor) return staged;
    recordUpTo(rows.length);
    const places = new Set<number>();
    for (const key of overlay.keys()) {
      // A staged key is `entity:id:field`.
      const [entity = '', id = ''] = key.split(':', 2);
      const at = byRecord.get(entity)?.get(Number(id));
      if (typeof at === 'number') places.add(at);
      else for (const place of at ?? []) places.add(place);
    }
    stagedFor = overlay;
    staged = places;
    return places;
  };

  /** A row's text of the store's values, from its chunk. */
  const baseText = (place: number): string => {
    const text = chunks[Math.floor(place / CHUNK)]!;
    const end = (place + 1) % CHUNK === 0 || place + 1 === rows.length ? text.length : starts[place + 1]! - 1;
    return text.slice(starts[place], end);
  };

  /** Calls `hit` once per row whose store text holds `word`, in order. */
  const scan = (word: string, hit: (place: number) => void) => {
    chunks.forEach((text, c) => {
      let place = c * CHUNK;
      const last = Math.min(rows.length, place + CHUNK) - 1;
      let at = text.indexOf(word);
      while (at !== -1) {
        while (place < last && starts[place + 1]! <= at) place++;
        hit(place);
        at = place < last ? text.indexOf(word, starts[place + 1]) : -1;
      }
    });
  };

  /** Whether each row (by place) matches every word of `query`, under the staged values of `overlay`. */
  const match = (query: string, overlay: Overlay): ((place: number) => boolean) => {
    const words = queryWords(query);
    if (words.length === 0) return () => true;
    while (built < rows.length) buildNext();
    const found = new Uint16Array(rows.length);
    words.forEach((word, k) =>
      scan(word, (place) => {
        if (found[place] === k) found[place] = k + 1;
      }),
    );
    const all = words.length;
    if (overlay.size > 0) {
      for (const place of stagedPlaces(overlay)) {
        const text = source.staged(rows[place]!, baseText(place), overlay);
        found[place] = words.every((word) => text.includes(word)) ? all : 0;
      }
    }
    return (place) => found[place] === all;
  };

  /** Makes this row's text ahead of the first filter, if it is the next one (the grid walks the rows in order while idle). */
  const prepare = (row: Row): void => {
    if (built < rows.length && rows[built] === row) {
      buildNext();
      recordUpTo(built);
    }
  };

  return { match, prepare, stagedPlaces };
}
export type QuickIndex<Row> = ReturnType<typeof quickIndex<Row>>;
