import { useState } from 'react';
import { isAtRest, type CatalogJob, type StagedChange } from '../../../../../shared/contract';
import { Dialog } from '../../../components/Dialog';
import { STATUS_LABELS } from '../../jobs/format';
import { useApplyCatalogChanges, useCatalogJobs, useDiscardCatalogChanges, useStagedCatalogChanges, useUndoCatalogJob } from './useAuthoring';

/** "Create 1 product, delete 2": what the job will be called. */
export function jobTitle(changes: readonly StagedChange[]): string {
  const count = (ops: string[]) => changes.filter((c) => ops.includes(c.op)).length;
  const parts = [
    [count(['createProduct']), 'create', 'product', 'products'],
    [count(['createVariants']), 'add variants to', 'product', 'products'],
    [count(['deleteProduct']), 'delete', 'product', 'products'],
    [count(['deleteVariant']), 'delete', 'variant', 'variants'],
  ] as const;
  const text = parts.filter(([n]) => n > 0).map(([n, verb, one, many]) => `${verb} ${n} ${n === 1 ? one : many}`).join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The review of staged creates and deletes and the last catalog job: apply them as one job, follow
 * its progress, read each refused row's message from the store, and undo it.
 */
export function CatalogChanges({ storeId }: { storeId: string }) {
  const staged = useStagedCatalogChanges(storeId);
  const jobs = useCatalogJobs(storeId);
  const discard = useDiscardCatalogChanges(storeId);
  const apply = useApplyCatalogChanges(storeId);
  const [reviewing, setReviewing] = useState(false);
  const changes = staged.data?.changes ?? [];
  const last = jobs.data?.[0];
  if (changes.length === 0 && !last) return null;
  const running = !!last && !isAtRest(last.status);
  return (
    <section className="catalog-changes" aria-label="Catalog changes">
      <header className="catalog-changes-header">
        <h2>Catalog changes</h2>
        <span className="muted" role="status">
          {changes.length === 0 ? 'nothing staged' : `${changes.length} staged`}
        </span>
        <span className="spacer" />
        <button type="button" className="button small" disabled={changes.length === 0 || discard.isPending} onClick={() => discard.mutate(undefined)}>
          Discard catalog changes
        </button>
        <button type="button" className="button small primary" disabled={changes.length === 0 || running || apply.isPending} onClick={() => setReviewing(true)}>
          Review and apply catalog changes…
        </button>
      </header>
      {changes.length > 0 && (
        <ul className="catalog-change-list" aria-label="Staged catalog changes">
          {changes.map((c) => (
            <li key={c.key}>
              <span>{c.label}</span>
              {c.message && <span className="error-text"> — {c.message}</span>}
              <button type="button" className="icon-button" aria-label={`Discard ${c.label}`} onClick={() => discard.mutate([c.key])}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {last && <LastJob job={last} />}
      {reviewing && (
        <ReviewDialog
          changes={changes}
          onApply={() => {
            setReviewing(false);
            apply.mutate(jobTitle(changes));
          }}
          onClose={() => setReviewing(false)}
        />
      )}
    </section>
  );
}

function LastJob({ job }: { job: CatalogJob }) {
  const undo = useUndoCatalogJob();
  const failed = job.rows.filter((r) => r.status === 'failed');
  return (
    <div className="catalog-job" aria-label="Last catalog job">
      <p>
        <strong>{job.title}</strong>: <span role="status">{STATUS_LABELS[job.status].toLowerCase()}</span>, {job.done} of {job.total} applied
        {job.failed > 0 && `, ${job.failed} failed`}
        {job.undoable && (
          <button type="button" className="button small" disabled={undo.isPending} onClick={() => undo.mutate(job.id)}>
            Undo
          </button>
        )}
      </p>
      {!isAtRest(job.status) && <progress max={job.total} value={job.done + job.failed} aria-label="Catalog job progress" />}
      {failed.length > 0 && (
        <ul className="catalog-job-failures" aria-label="Refused by the store">
          {failed.map((r) => (
            <li key={r.key}>
              {r.label}: <span className="error-text">{r.message}</span>
            </li>
          ))}
        </ul>
      )}
      {job.notRestored.length > 0 && (
        <details className="not-restored" open>
          <summary>What could not come back</summary>
          <ul>
            {job.notRestored.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function ReviewDialog({ changes, onApply, onClose }: { changes: readonly StagedChange[]; onApply(): void; onClose(): void }) {
  const deletes = changes.filter((c) => c.op === 'deleteProduct' || c.op === 'deleteVariant').length;
  const footer = (
    <>
      <span className="spacer" />
      <button type="button" className="button" onClick={onClose}>
        Cancel
      </button>
      <button type="button" className="button primary" onClick={onApply}>
        Apply {changes.length} catalog {changes.length === 1 ? 'change' : 'changes'}
      </button>
    </>
  );
  return (
    <Dialog title={`Apply: ${jobTitle(changes)}`} onClose={onClose} footer={footer}>
      <ul className="delete-list" aria-label="Catalog changes to apply">
        {changes.map((c) => (
          <li key={c.key}>{c.label}</li>
        ))}
      </ul>
      {deletes > 0 && <p className="warning-text">Deleted products and variants can be recreated by Undo, but under new ids, and without their reviews or links from past orders.</p>}
    </Dialog>
  );
}
