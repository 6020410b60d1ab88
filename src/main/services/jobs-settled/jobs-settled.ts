import { isAtRest, type RowsChanged } from '../../../shared/contract';
import type { CatalogService } from '../catalog';
import type { CustomersService } from '../customers';
import type { JobEdit, JobSummary, JobsService } from '../jobs';
import type { OrdersService } from '../orders';
import type { StagingService } from '../staging';

export interface JobsSettledDeps {
  jobs: Pick<JobsService, 'get'>;
  catalog: Pick<CatalogService, 'snapshot' | 'applyLocal' | 'get'>;
  /** Optional: main without a customers service (older tests) patches only the catalog. */
  customers?: Pick<CustomersService, 'applyLocal' | 'get'>;
  /** Main's orders cache; absent where a test wires the catalog alone. */
  orders?: Pick<OrdersService, 'applyLocal'>;
  /** Main's word to the renderer that rows changed (the `data.rowsChanged` event). */
  onRowsChanged(change: RowsChanged): void;
  log(line: string): void;
}

export interface JobsSettledService {
  /** Hears every job event: staging follows the job; a job at rest has what it applied patched in. */
  onJob(job: JobSummary): void;
  /** Staging is created after jobs.recover() (so that interrupted jobs settle their edits); it hears jobs from then on. */
  attachStaging(staging: Pick<StagingService, 'onJob'>): void;
  /** Resolves once every patch begun so far has finished. */
  idle(): Promise<void>;
}

/**
 * What happens when a job comes to rest (finished, paused, interrupted, failed), in one place:
 * staging reconciles its edits, main's catalog cache takes the rows the job applied, and the
 * renderer gets the new rows of those products, so a grid shows them without refetching the
 * catalog. Undo and retry are jobs too, so they take the same path. A resumed job comes to rest
 * again later: only rows not patched before are patched then.
 */
export function createJobsSettledService(deps: JobsSettledDeps): JobsSettledService {
  let staging: Pick<StagingService, 'onJob'> | null = null;
  const patched = new Map<string, Set<number>>();
  // One patch at a time: an undo's rows must reach the renderer after the rows it reverses.
  let queue: Promise<void> = Promise.resolve();

  async function patch(jobId: string): Promise<void> {
    const detail = deps.jobs.get(jobId);
    const done = patched.get(jobId) ?? new Set<number>();
    patched.set(jobId, done);
    const fresh = detail.rows.filter((r) => r.status === 'applied' && !done.has(r.index));
    for (const r of fresh) done.add(r.index);
    const cause = { kind: 'job' as const, jobId };
    await patchCatalog(detail.storeId, fresh.filter((r) => r.edit.entity === 'product' || r.edit.entity === 'variant').map((r) => r.edit), cause);
    await patchCustomers(detail.storeId, fresh.filter((r) => r.edit.entity === 'customer').map((r) => r.edit), cause);
    await patchOrders(detail.storeId, fresh.filter((r) => r.edit.entity === 'order').map((r) => r.edit), cause);
  }

  async function patchCatalog(storeId: string, edits: JobEdit[], cause: RowsChanged['cause']): Promise<void> {
    if (edits.length === 0 || !(await deps.catalog.snapshot(storeId))) return;
    const result = await deps.catalog.applyLocal(storeId, edits);
    if (result.productIds.length === 0) return;
    const rows = await deps.catalog.get(storeId, result.productIds);
    // Cached rows are readonly by type; they are serialized across the boundary, never mutated.
    deps.onRowsChanged({ storeId, entity: 'product', rows: rows as Extract<RowsChanged, { entity: 'product' }>['rows'], cause });
  }

  async function patchCustomers(storeId: string, edits: JobEdit[], cause: RowsChanged['cause']): Promise<void> {
    if (edits.length === 0 || !deps.customers) return;
    const ids = await deps.customers.applyLocal(storeId, edits);
    if (ids.length === 0) return;
    deps.onRowsChanged({ storeId, entity: 'customer', rows: await deps.customers.get(storeId, ids), cause });
  }

  async function patchOrders(storeId: string, edits: JobEdit[], cause: RowsChanged['cause']): Promise<void> {
    if (edits.length === 0 || !deps.orders) return;
    const rows = await deps.orders.applyLocal(storeId, edits);
    if (rows.length > 0) deps.onRowsChanged({ storeId, entity: 'order', rows, cause });
  }

  return {
    onJob(job) {
      staging?.onJob(job);
      if (!isAtRest(job.status)) return;
      queue = queue.then(() => patch(job.id)).catch((error: unknown) => deps.log(`[cache] could not patch after job ${job.id}: ${String(error)}`));
    },
    attachStaging(next) {
      staging = next;
    },
    idle: () => queue,
  };
}
