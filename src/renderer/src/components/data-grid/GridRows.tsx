import { memo, type MouseEvent } from 'react';
import { shownText, shownValue, type ShownRow } from './grid-table';
import { GUTTER, ROW_HEIGHT, type ColumnSlot } from './layout';
import { keyOf, storeMoved, type OverlayEntry } from './model/overlay';
import type { Refusal } from './model/stage';
import { cellTarget } from './model/stage';
import { refusalKey } from './useGridStaging';

/** Cell and gutter events, by visible row index and column index (stable across renders). */
export interface RowEvents {
  cellDown(row: number, col: number, event: MouseEvent): void;
  cellEnter(row: number, col: number, event: MouseEvent): void;
  cellDoubleClick(row: number, col: number): void;
  gutterDown(row: number, event: MouseEvent): void;
  toggleExpanded(row: number): void;
  editText(text: string): void;
  editKey(event: React.KeyboardEvent<HTMLInputElement>): void;
  editBlur(): void;
  dismiss(key: string): void;
}

export interface RowProps<Row extends object> {
  gridId: string;
  row: ShownRow<Row>;
  index: number;
  top: number;
  width: number;
  /** Pinned columns, then the center columns the horizontal virtualizer shows. */
  slots: readonly ColumnSlot<Row>[];
  /** Space before the first shown center column and after the last. */
  lead: number;
  trail: number;
  selected: { left: number; right: number } | null;
  focusCol: number;
  editing: { col: number; text: string } | null;
  overlay: ReadonlyMap<string, OverlayEntry>;
  refused: ReadonlyMap<string, Refusal>;
  events: RowEvents;
  /** Center column start offsets (for notes beside cells), by column index. */
  starts: ReadonlyMap<number, number>;
  /** Passed so a memoized row re-renders when it is expanded or collapsed. */
  expanded: boolean;
  /**
   * False while the grid scrolls: image cells keep an empty frame. A fling brings a new window each
   * frame, and an image request and decode per new row cost more than half the frame rate.
   */
  images: boolean;
  /**
   * True while the grid moves more than a screenful between frames (a fling): no row of one frame
   * is still on screen in the next, and no one reads a cell at that speed. The row then renders
   * only its gutter and pinned cells (a third of the work of a frame of full rows); every cell
   * fills in on the first frame that moves less than a screenful.
   */
  skim: boolean;
}

function noteOf(entry: OverlayEntry | undefined): string | null {
  if (!entry?.note) return null;
  if (entry.note.status === 'conflict') return `Conflict: the store now has ${String(entry.note.serverValue ?? '—')}`;
  return entry.note.message ? `${entry.note.status === 'failed' ? 'Failed' : 'Skipped'}: ${entry.note.message}` : null;
}

function GridRowView<Row extends object>(props: RowProps<Row>) {
  const { gridId, row, index, top, width, slots, lead, trail, selected, focusCol, editing, overlay, refused, events, starts, expanded, images, skim } = props;
  const notes: Array<{ key: string; left: number; right: number; text: string; refusal: boolean }> = [];
  const canExpand = row.getCanExpand();
  const cells = (skim ? slots.filter((slot) => slot.pinned) : slots).map((slot) => {
    const { column } = slot;
    const target = cellTarget(column, row.original);
    const value = shownValue(column, row.original, overlay);
    // Most rows have no staged value and no refusal: no key is built for them (a fling renders
    // hundreds of cells a frame).
    const entry = overlay.size > 0 && typeof target === 'object' && target ? overlay.get(keyOf(target)) : undefined;
    const refusal = refused.size > 0 ? refused.get(refusalKey(row.id, column.id)) : undefined;
    const isSelected = selected !== null && slot.index >= selected.left && slot.index <= selected.right;
    const isFocus = focusCol === slot.index;
    const moved = entry !== undefined && typeof target === 'object' && target !== null && storeMoved(entry, target, column.value(row.original));
    const note = refusal ? refusal.message : moved ? `The store now has ${shownText(column, row.original, column.value(row.original))}` : noteOf(entry);
    const mark = column.highlight?.(row.original) ?? null;
    if (note) {
      const left = slot.pinned ? slot.stickyLeft : (starts.get(slot.index) ?? 0);
      notes.push({ key: refusal ? refusalKey(row.id, column.id) : '', left, right: width - left - slot.width, text: note, refusal: !!refusal });
    }
    let className = column.numeric ? 'grid-cell num' : 'grid-cell';
    if (target === null) className += ' readonly';
    if (entry) className += entry.pending ? ' staged pending' : ' staged';
    if (entry?.note) className += ` note-${entry.note.status}`;
    if (moved) className += ' note-moved';
    if (refusal) className += ' refused';
    if (mark) className += ' highlight';
    if (isSelected) className += ' selected';
    if (isFocus) className += ' focus';
    if (slot.pinned) className += ' pinned';
    const style = slot.pinned ? { width: slot.width, left: slot.stickyLeft } : { width: slot.width };
    const isEditing = editing !== null && editing.col === slot.index;
    return (
      <div
        key={column.id}
        // Only the active cell needs an id (the grid's aria-activedescendant): an id per cell was
        // hundreds of attribute writes per frame in a fling.
        id={isFocus ? `${gridId}-c${index}-${slot.index}` : undefined}
        role="gridcell"
        aria-colindex={slot.index + 2}
        aria-selected={isSelected}
        aria-readonly={target === null || typeof target === 'string'}
        aria-description={entry ? (entry.note ? `staged, ${entry.note.status}` : moved ? 'staged, the store changed' : 'staged') : (mark ?? undefined)}
        className={className}
        style={style}
        title={typeof target === 'string' ? target : undefined}
      >
        {isEditing ? (
          <input
            aria-label={`Edit ${column.label}`}
            className="grid-editor"
            autoFocus
            value={editing.text}
            onChange={(e) => events.editText(e.target.value)}
            onKeyDown={events.editKey}
            onBlur={events.editBlur}
            onMouseDown={(e) => e.stopPropagation()}
          />
        ) : column.image ? (
          <CellImage url={images && typeof value === 'string' ? value : null} alt={column.imageAlt?.(row.original) ?? ''} />
        ) : column.tone ? (
          <span className={`cell-tone tone-${column.tone(row.original) ?? 'none'}`}>{shownText(column, row.original, value)}</span>
        ) : (
          shownText(column, row.original, value)
        )}
      </div>
    );
  });
  const firstCenter = slots.findIndex((s) => !s.pinned);
  // A skimming row has no center cells, so nothing to place them.
  if (!skim) cells.splice(firstCenter >= 0 ? firstCenter : cells.length, 0, <div key="lead" className="grid-spacer" style={{ width: lead }} aria-hidden />);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-level={row.depth + 1}
      {...(canExpand ? { 'aria-expanded': expanded } : {})}
      className={`grid-row${row.depth > 0 ? ' sub-row' : ''}${notes.length ? ' has-note' : ''}`}
      style={{ top, width }}
      // One set of mouse handlers per row, not per cell: the cell is found from the event.
      onMouseDown={(e) => {
        const col = columnOf(e.target, e.currentTarget);
        if (col !== null) events.cellDown(index, col, e);
      }}
      onMouseOver={(e) => {
        // As mouseenter per cell: moving within a cell (onto its text) is not entering it again.
        const col = columnOf(e.target, e.currentTarget);
        if (col !== null && columnOf(e.relatedTarget, e.currentTarget) !== col) events.cellEnter(index, col, e);
      }}
      onDoubleClick={(e) => {
        const col = columnOf(e.target, e.currentTarget);
        if (col !== null) events.cellDoubleClick(index, col);
      }}
    >
      <div role="rowheader" aria-colindex={1} className="grid-gutter" style={{ width: GUTTER }} onMouseDown={(e) => events.gutterDown(index, e)}>
        {canExpand && (
          <button
            type="button"
            className="expander"
            aria-label={expanded ? 'Collapse' : 'Expand'}
            onMouseDown={(e) => e.stopPropagation()}
            onClick={() => events.toggleExpanded(index)}
          >
            {expanded ? '▾' : '▸'}
          </button>
        )}
        <span className="row-number">{index + 1}</span>
      </div>
      {cells}
      {!skim && <div className="grid-spacer" style={{ width: trail }} aria-hidden />}
      {notes.map((n) => (
        <span key={`${n.left}`} role="note" className={`cell-note${n.refusal ? ' refusal' : ''}`} style={n.left > width / 2 ? { right: n.right, top: ROW_HEIGHT - 1 } : { left: n.left, top: ROW_HEIGHT - 1 }}>
          {n.text}
          {n.refusal && (
            <button type="button" className="note-dismiss" aria-label="Dismiss" onMouseDown={(e) => e.stopPropagation()} onClick={() => events.dismiss(n.key)}>
              ×
            </button>
          )}
        </span>
      ))}
    </div>
  );
}

/** The column index of the row's cell an event happened in (null outside its cells: gutter, notes). */
function columnOf(target: EventTarget | null, row: Element): number | null {
  const cell = target instanceof Element ? target.closest('[role="gridcell"]') : null;
  return cell && row.contains(cell) ? Number(cell.getAttribute('aria-colindex')) - 2 : null;
}

/** A thumbnail at a fixed size (no layout shift when it arrives); an empty frame where the row has no image. */
function CellImage({ url, alt }: { url: string | null; alt: string }) {
  return url ? <img className="cell-image" src={url} alt={alt} width={22} height={22} loading="lazy" decoding="async" referrerPolicy="no-referrer" /> : <span className="cell-image empty" aria-hidden />;
}

/**
 * Whether a row would render the same: its own props are the same, and the staged values and
 * refusals of its cells are the same entries. Each staged change makes a new overlay map, and
 * without this every rendered row re-rendered for one cell's edit.
 */
function sameRow<Row extends object>(a: RowProps<Row>, b: RowProps<Row>): boolean {
  for (const key of Object.keys(b) as Array<keyof RowProps<Row>>) {
    if (key !== 'overlay' && key !== 'refused' && a[key] !== b[key]) return false;
  }
  if (a.overlay === b.overlay && a.refused === b.refused) return true;
  return b.slots.every(({ column }) => {
    if (a.refused !== b.refused && a.refused.get(refusalKey(b.row.id, column.id)) !== b.refused.get(refusalKey(b.row.id, column.id))) return false;
    if (a.overlay === b.overlay || (a.overlay.size === 0 && b.overlay.size === 0)) return true;
    const target = column.edit?.(b.row.original);
    return !target || a.overlay.get(keyOf(target)) === b.overlay.get(keyOf(target));
  });
}

/** One rendered row; re-renders only when its own props or its cells' staged values change (not on another row's edit). */
export const GridRowMemo = memo(GridRowView, sameRow) as typeof GridRowView;
