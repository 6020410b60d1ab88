import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { statusAllows, type CatalogJobRow, type JobSummary, type RowResult } from '../../../../shared/contract';
import { formatLike, formatValue, STATUS_LABELS } from './format';
import { useJobDetail, useRetryJob } from './useJobs';

const FILTERS = ['all', 'failed', 'conflict', 'applied', 'pending', 'skipped'] as const;
type Filter = (typeof FILTERS)[number];

interface Props {
  job: JobSummary;
  /** The job this one undoes or retries, when it is in the list. */
  origin?: JobSummary;
  /** Show another job (the origin, or a retry this panel started). */
  onShow(job: JobSummary): void;
  onClose(): void;
}

/** Per-row results of one job; virtualized, since a job can hold 100,000 rows. */
export function JobDetailPanel({ job, origin, onShow, onClose }: Props) {
  const { data, isPending, error } = useJobDetail(job.id);
  const [filter, setFilter] = useState<Filter>(job.failed || job.conflicts ? (job.failed ? 'failed' : 'conflict') : 'all');
  const rows = useMemo(() => [...(data?.changes ?? data?.rows ?? [])].filter((r) => filter === 'all' || r.status === filter), [data, filter]);
  const heads = job.catalog ? CHANGE_HEADS : EDIT_HEADS;
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design; this component is not memoized by the compiler.
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => 28, overscan: 12 });
  return (
    <section className="job-detail" aria-label={`Results of ${job.title}`}>
      <header className="job-detail-header">
        <h2>{job.title}</h2>
        <span className="muted">{STATUS_LABELS[job.status]}</span>
        {origin && (
          <span className="muted">
            {job.kind === 'undo' ? 'Undo of ' : 'Retry of '}
            <button type="button" className="link-button" onClick={() => onShow(origin)}>
              {origin.title}
            </button>
          </span>
        )}
        {job.error && <span className="error-text">{job.error}</span>}
        <span className="spacer" />
        <OverwriteConflicts job={job} onStarted={onShow} />
        <div role="tablist" aria-label="Filter rows" className="segmented">
          {FILTERS.map((f) => (
            <button key={f} type="button" role="tab" aria-selected={filter === f} className={filter === f ? 'active' : ''} onClick={() => setFilter(f)}>
              {f}
            </button>
          ))}
        </div>
        <button type="button" className="icon-button" aria-label="Close results" onClick={onClose}>
          ×
        </button>
      </header>
      {isPending && <p className="muted pad">Loading rows…</p>}
      {error && <p className="error-text pad">{error.message}</p>}
      <div className="row-results" role="table" aria-label="Row results" aria-rowcount={rows.length} ref={scroller}>
        <div role="row" className="row-result head">
          {heads.map((head) => (
            <span key={head} role="columnheader">
              {head}
            </span>
          ))}
        </div>
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((item) => (
            <ResultRow key={item.key} row={rows[item.index]!} top={item.start} />
          ))}
        </div>
      </div>
    </section>
  );
}

/**
 * The operator's decision on conflicts, taken here where the store's values are listed: write the
 * job's values over them. Each row still expects the value shown, so one changed again is left alone.
 */
function OverwriteConflicts({ job, onStarted }: { job: JobSummary; onStarted(job: JobSummary): void }) {
  const retry = useRetryJob();
  if (!statusAllows(job.status, 'retry') || job.conflicts === 0) return null;
  const confirmAndRun = () => {
    const question = `Write the values of “${job.title}” over the ${job.conflicts} conflicting rows' current store values (as listed under “conflict”)?`;
    if (window.confirm(question)) retry.mutate({ jobId: job.id, rows: 'conflicts' }, { onSuccess: onStarted });
  };
  return (
    <button type="button" className="button small" disabled={retry.isPending} onClick={confirmAndRun}>
      Overwrite conflicts ({job.conflicts})
    </button>
  );
}

const EDIT_HEADS = ['Row', 'Field', 'From', 'To', 'Result', 'Detail'];
/** A catalog job's rows are creates and deletes: what changed, the field the store refused, the ids it made or removed. */
const CHANGE_HEADS = ['Change', 'Field', 'Product', 'Variants', 'Result', 'Detail'];

function cellsOf(row: RowResult | CatalogJobRow): [string, string, string, string] {
  if (!('edit' in row)) return [row.label, row.field ?? '', row.productId !== undefined ? String(row.productId) : '', (row.variantIds ?? []).join(', ')];
  return [`${row.edit.entity} ${row.edit.id}`, row.edit.field, formatValue(row.edit.from), formatValue(row.edit.to)];
}

function ResultRow({ row, top }: { row: RowResult | CatalogJobRow; top: number }) {
  const detail = 'edit' in row && row.status === 'conflict' ? `store now has ${formatLike(row.serverValue, row.edit.from)}` : (row.message ?? '');
  return (
    <div role="row" className={`row-result state-${row.status}`} style={{ transform: `translateY(${top}px)` }}>
      {cellsOf(row).map((text, i) => (
        <span key={i} role="cell" title={i === 0 ? text : undefined}>
          {text}
        </span>
      ))}
      <span role="cell">{row.status}</span>
      <span role="cell" title={detail}>
        {detail}
      </span>
    </div>
  );
}
