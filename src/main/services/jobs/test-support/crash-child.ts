import { readFile } from 'node:fs/promises';
import { createBigCommerceService } from '../../bigcommerce';
import type { JobEdit } from '../edit-schema';
import { createJobsService } from '../jobs-service';

/**
 * Runs one job in its own process so a test can SIGKILL it mid-way (jobs-crash.test.ts).
 * argv: dataDir apiOrigin storeHash token editsFile. Every event goes to stdout as a JSON line.
 */
const [dataDir, apiOrigin, storeHash, token, editsFile] = process.argv.slice(2) as [string, string, string, string, string];
const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

const bigcommerce = createBigCommerceService({ target: () => ({ storeHash, apiOrigin }), getToken: async () => token });
const jobs = createJobsService({ dataDir, bigcommerce, onEvent: print });
const edits = JSON.parse(await readFile(editsFile, 'utf8')) as JobEdit[];
const job = await jobs.start({ storeId: 'store-1', storeHash, title: 'crash test', edits });
print({ type: 'started', id: job.id });
print({ type: 'finished', job: await jobs.waitFor(job.id) });
await jobs.close();
bigcommerce.close();
