import { useState } from 'react';
import type { JobSummary } from '../../../../shared/contract';
import { useActiveStore } from '../stores/StoreSwitcher';
import { formatDuration, progressShare, STATUS_LABELS } from './format';
import { JobActions } from './JobActions';
import { JobDetailPanel } from './JobDetailPanel';
import { useJobs } from './useJobs';

/** Activity: every bulk job of the active store, live, with per-row results, undo and retry. */
export function ActivityView() {
  const store = useActiveStore();
  const { data: jobs, isPending, error } = useJobs(store?.id);
  const [openId, setOpenId] = useState<string | null>(null);
  if (!store) return <p className="panel-message">Select a store.</p>;
  if (isPending) return <p className="panel-message">Loading jobs…</p>;
  if (error) return <p className="panel-message error-text">{error.message}</p>;
  if (jobs.length === 0) {
    return (
      <div className="panel-message">
        <h2>No bulk jobs yet</h2>
        <p>Changes you apply from the grids run here as rate-limited jobs, with per-row results and undo.</p>
      </div>
    );
  }
  const open = jobs.find((j) => j.id === openId) ?? null;
  const origin = open && jobs.find((j) => j.id === (open.retryOf ?? open.undoOf));
  const show = (job: JobSummary) => setOpenId(job.id);
  return (
    <div className="activity">
      {/* Columns that matter first, actions before the figures: at 1024 px the figures go, the actions stay. */}
      <div className="table-scroll">
        <table className="table jobs-table" aria-label="Jobs">
          <thead>
            <tr>
              <th>Job</th>
              <th>Status</th>
              <th>Progress</th>
              <th className="num">Applied</th>
              <th className="num">Failed</th>
              <th className="num">Conflicts</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
              <th className="num secondary">Requests</th>
              <th className="num secondary">Rate-limit wait</th>
              <th className="num secondary">Duration</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <tr key={job.id} className={job.id === openId ? 'selected' : undefined} onClick={() => setOpenId(job.id)} aria-selected={job.id === openId}>
                <td className="job-title-cell">
                  <button type="button" className="link-button row-link job-title" title={job.title} onClick={() => setOpenId(job.id)}>
                    {job.title}
                  </button>
                  {job.kind !== 'edit' && <span className="badge">{job.kind}</span>}
                  {job.catalog && <span className="badge">create/delete</span>}
                </td>
                <td>
                  <span className={`status status-${job.status}`}>{STATUS_LABELS[job.status]}</span>
                </td>
                <td>
                  <span className="meter wide" role="progressbar" aria-valuemin={0} aria-valuemax={job.total} aria-valuenow={job.total - job.pending} aria-label={`${job.title} progress`}>
                    <span className="meter-fill" style={{ width: `${progressShare(job) * 100}%` }} />
                  </span>
                  <span className="muted"> {job.total - job.pending}/{job.total}</span>
                  {job.status === 'running' && job.etaMs !== null && <span className="muted"> · ETA {formatDuration(job.etaMs)}</span>}
                </td>
                <td className="num">{job.done}</td>
                <td className={`num${job.failed ? ' error-text' : ''}`}>{job.failed}</td>
                <td className={`num${job.conflicts ? ' warning-text-inline' : ''}`}>{job.conflicts}</td>
                <td onClick={(e) => e.stopPropagation()}>
                  <JobActions job={job} onStarted={show} />
                </td>
                <td className="num secondary">{job.requests}</td>
                <td className="num secondary">{formatDuration(job.rateLimitWaitMs)}</td>
                <td className="num secondary">{formatDuration(job.elapsedMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {open && <JobDetailPanel key={open.id} job={open} origin={origin ?? undefined} onShow={show} onClose={() => setOpenId(null)} />}
    </div>
  );
}
