import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readJsonFile, writeJsonAtomic } from '../fs/atomic-file';
import type { JobFile } from './job-model';

/** Catalog jobs live in `catalog-jobs/{jobId}.json`, rewritten atomically after every row. */
const dirOf = (dataDir: string) => join(dataDir, 'catalog-jobs');

export function writeJob(dataDir: string, job: JobFile): Promise<void> {
  return writeJsonAtomic(join(dirOf(dataDir), `${job.id}.json`), job);
}

export async function listJobFiles(dataDir: string): Promise<JobFile[]> {
  const names = await readdir(dirOf(dataDir)).catch(() => [] as string[]);
  const jobs: JobFile[] = [];
  for (const name of names.filter((n) => /^[a-z0-9-]+\.json$/.test(n))) {
    const job = (await readJsonFile(join(dirOf(dataDir), name)).catch(() => undefined)) as JobFile | undefined;
    if (job?.version === 1 && Array.isArray(job.rows)) jobs.push(job);
  }
  return jobs;
}
