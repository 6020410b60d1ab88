import { AppError } from '../../../../shared/rpc';
import type { DemoStoreOptions } from '../../../../demo-store/index';
import { startJobsEnv, type JobsEnv } from '../../jobs/test-support/jobs-env';
import { caughtAs } from '../../test-support/caught';
import { createStagingService, type StagingService, type StagingServiceDeps } from '../staging-service';

export interface StagingEnv {
  jobsEnv: JobsEnv;
  staging: StagingService;
  changes: Array<{ storeId: string; revision: number; count: number }>;
  /** A new staging service on the same data dir (the old one is no longer fed job events). */
  restart(extra?: Partial<StagingServiceDeps>): Promise<StagingService>;
  /** Resolves once `test` holds, checked now and after every staging.changed. */
  changed(test: () => Promise<boolean>): Promise<void>;
  close(): Promise<void>;
}

/** A demo store, a jobs service feeding its events to the current staging service, as compose.ts wires them. */
export async function startStagingEnv(options: DemoStoreOptions = {}, extra: Partial<StagingServiceDeps> = {}): Promise<StagingEnv> {
  let current: StagingService | undefined;
  const jobsEnv = await startJobsEnv(options, {}, { onEvent: (e) => current?.onJob(e.job) });
  const changes: StagingEnv['changes'] = [];
  const watchers = new Set<() => void>();
  const made: StagingService[] = [];
  const make = (more: Partial<StagingServiceDeps>) => {
    const service = createStagingService({
      dataDir: jobsEnv.dataDir,
      jobs: jobsEnv.jobs,
      onChanged: (e) => {
        changes.push(e);
        for (const w of [...watchers]) w();
      },
      ...extra,
      ...more,
    });
    made.push(service);
    return service;
  };
  current = make({});
  const env: StagingEnv = {
    jobsEnv,
    staging: current,
    changes,
    async restart(more = {}) {
      current = make(more);
      env.staging = current;
      await current.recover();
      return current;
    },
    changed: (test) =>
      new Promise((resolve) => {
        const check = () => {
          void test().then((ok) => {
            if (ok && watchers.delete(check)) resolve();
          });
        };
        watchers.add(check);
        check();
      }),
    async close() {
      // Every service made, including those a test left open to play a crash.
      for (const service of made) await service.close();
      await jobsEnv.close();
    },
  };
  return env;
}

/** The AppError a promise rejects with. */
export const caught = (p: Promise<unknown>): Promise<AppError> => caughtAs(AppError, p);
