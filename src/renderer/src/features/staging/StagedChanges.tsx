import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { stagedKey, type StagedEdit } from '../../../../shared/contract';
import { formatLike, formatValue } from '../jobs/format';
import { useActiveStore } from '../stores/StoreSwitcher';
import { useApplyStaged, useDiscardStaged, useStaging } from './useStaging';

/**
 * The staged changes of the active store, before they reach it: each cell's value then (when first
 * touched) and now, and the word of the last job that did not apply it. Apply runs them as one
 * bulk job; what it does not apply comes back here.
 */
export function StagedChanges() {
  const store = useActiveStore();
  const { data, error } = useStaging(store?.id);
  const discard = useDiscardStaged(store?.id);
  const apply = useApplyStaged(store?.id);
  const edits = data?.edits ?? [];
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design; this component is not memoized by the compiler.
  const virtual = useVirtualizer({ count: edits.length, getScrollElement: () => scroller.current, estimateSize: () => 28, overscan: 12 });
  const applying = edits.filter((e) => e.jobId).length;
  const ready = edits.length - applying;
  if (!store) return null;
  const confirmApply = () => {
    const title = window.prompt(`Apply ${ready} staged ${ready === 1 ? 'change' : 'changes'} to ${store.name} as a job named:`, `Staged changes (${ready})`);
    if (title && title.trim()) apply.mutate(title.trim());
  };
  return (
    <section className="staged-changes" aria-label="Staged changes">
      <header className="job-detail-header">
        <h2>Staged changes</h2>
        <span className="muted">
          {edits.length === 0 ? 'nothing staged' : `${edits.length.toLocaleString()} ${edits.length === 1 ? 'change' : 'changes'}`}
          {applying > 0 && ` · ${applying.toLocaleString()} being applied`}
        </span>
        {error && <span className="error-text">{error.message}</span>}
        <span className="spacer" />
        <button type="button" className="button small" disabled={ready === 0 || discard.isPending} onClick={() => window.confirm(`Discard ${ready} staged changes?`) && discard.mutate(undefined)}>
          Discard all
        </button>
        <button type="button" className="button small primary" disabled={ready === 0 || apply.isPending} onClick={confirmApply}>
          Apply {ready > 0 ? ready.toLocaleString() : ''} {ready === 1 ? 'change' : 'changes'}…
        </button>
      </header>
      {edits.length > 0 && (
        <div className="row-results" role="table" aria-label="Staged edits" aria-rowcount={edits.length} ref={scroller}>
          <div role="row" className="row-result head staged">
            <span role="columnheader">Row</span>
            <span role="columnheader">Field</span>
            <span role="columnheader">Store had</span>
            <span role="columnheader">New value</span>
            <span role="columnheader">Last attempt</span>
            <span role="columnheader" aria-label="Discard" />
          </div>
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {virtual.getVirtualItems().map((item) => (
              <StagedRow key={item.key} edit={edits[item.index]!} top={item.start} onDiscard={(key) => discard.mutate([key])} />
            ))}
          </div>
        </div>
      )}
    </section>
  );
}

function noteText(edit: StagedEdit): string {
  if (edit.jobId) return 'being applied…';
  const { note } = edit;
  if (!note) return '';
  if (note.status === 'conflict') return `conflict: store now has ${formatLike(note.serverValue, edit.from)}`;
  return note.message ? `${note.status}: ${note.message}` : note.status;
}

function StagedRow({ edit, top, onDiscard }: { edit: StagedEdit; top: number; onDiscard(key: string): void }) {
  const key = stagedKey(edit);
  const note = noteText(edit);
  const state = edit.jobId ? 'pending' : (edit.note?.status ?? 'staged');
  return (
    <div role="row" className={`row-result staged state-${state}`} style={{ transform: `translateY(${top}px)` }} data-key={key}>
      <span role="cell">{`${edit.entity} ${edit.id}`}</span>
      <span role="cell">{edit.field}</span>
      <span role="cell">{formatValue(edit.from)}</span>
      <span role="cell">{formatValue(edit.to)}</span>
      <span role="cell" title={note}>
        {note}
      </span>
      <span role="cell">
        <button type="button" className="icon-button" aria-label={`Discard ${key}`} disabled={!!edit.jobId} onClick={() => onDiscard(key)}>
          ×
        </button>
      </span>
    </div>
  );
}
