import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { PickList } from '../../../shared/contract/picklists';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startDemoChild } from '../../../demo-store/cli-child';
import { createBigCommerceService } from '../bigcommerce';
import { aggregatePickList } from './aggregate';
import { fetchPickOrders } from './fetch-orders';

/**
 * Pick list for the Awaiting Fulfillment orders of a demo store with ~1,000 of them, over real
 * loopback HTTP with a Standard plan's rate limit (150 requests / 30 s) left on.
 *   npx tsx src/main/services/picklists/bench.ts [orders in the store]   (or `npm run bench -- --only pickList`)
 * `quotaBoundSeconds` is what the quota alone forces for the requests made (those past the first
 * window's 150 cost 0.2 s each); `perOrderQuotaBoundSeconds` the same for one `/orders/{id}/products`
 * call per order, the approach the inline line items replace. `pdfMs` is the print layout of that
 * list (the preview's own React component and print stylesheet) turned into a PDF by headless
 * Chromium (scripts/pick-list-pdf.ts, in a process of its own: main imports nothing from the
 * renderer): `page.pdf()` of the laid-out document, as when the operator prints the preview on
 * screen; the React render and the screen layout before it are reported apart. Target ≤ 3000 ms.
 */
export interface PickListBenchResult {
  storeOrders: number;
  orders: number;
  lines: number;
  units: number;
  pickLines: number;
  requests: number;
  /** Orders past 50 lines, completed from `/orders/{id}/products`. */
  cutShort: number;
  /** ceil(orders / 250) + 2 + cutShort. */
  requestBudget: number;
  seconds: number;
  quotaBoundSeconds: number;
  perOrderQuotaBoundSeconds: number;
  /** Printing the laid-out print layout to a PDF (`page.pdf()`); target ≤ 3000. */
  pdfMs: number;
  /** Before that: the markup rendered by React and laid out by Chromium (what the preview shows). */
  pdfHtmlMs: number;
  pdfLayoutMs: number;
  pdfPages: number;
  pdfBytes: number;
}

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const QUOTA = 150;
const WINDOW_S = 30;

const run = promisify(execFile);

/** The pick list's print layout as a PDF in headless Chromium (production React, like the built app). */
async function printPdf(list: PickList): Promise<Pick<PickListBenchResult, 'pdfMs' | 'pdfHtmlMs' | 'pdfLayoutMs' | 'pdfPages' | 'pdfBytes'>> {
  const dir = await mkdtemp(join(tmpdir(), 'stockroom-pdf-bench-'));
  try {
    await writeFile(join(dir, 'list.json'), JSON.stringify(list));
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/pick-list-pdf.ts', join(dir, 'list.json'), 'A4'], {
      cwd: ROOT, env: { ...process.env, NODE_ENV: 'production', TSX_TSCONFIG_PATH: 'tsconfig.web.json' }, maxBuffer: 1 << 20,
    });
    const r = JSON.parse(stdout.trim().split('\n').pop()!) as { pdfMs: number; htmlMs: number; layoutMs: number; pages: number; bytes: number };
    return { pdfMs: r.pdfMs, pdfHtmlMs: r.htmlMs, pdfLayoutMs: r.layoutMs, pdfPages: r.pages, pdfBytes: r.bytes };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const quotaBound = (requests: number) => Math.max(0, requests - QUOTA) * (WINDOW_S / QUOTA);

export async function runPickListBench(storeOrders = 3300): Promise<PickListBenchResult> {
  const demo = await startDemoChild(['--stores', '1', '--products', '2000', '--orders', String(storeOrders), '--customers', '500']);
  const bigcommerce = createBigCommerceService({ target: () => ({ storeHash: demo.storeHash, apiOrigin: demo.url }), getToken: async () => demo.token });
  try {
    const t0 = performance.now();
    const fetched = await fetchPickOrders(bigcommerce.clientFor('bench'), { statusIds: [11] });
    const list = aggregatePickList(fetched.lines, { catalog: null });
    const seconds = Math.round(performance.now() - t0) / 1000;
    const orders = fetched.orderIds.length;
    const pdf = await printPdf({ storeId: 'bench', builtAt: new Date().toISOString(), ...list, missingOrderIds: [], catalogSyncedAt: null, requests: fetched.requests, orderStatuses: [] });
    return {
      storeOrders, orders, lines: fetched.lines.length, units: list.totals.units, pickLines: list.totals.lines,
      requests: fetched.requests, cutShort: fetched.completedSeparately.length,
      requestBudget: Math.ceil(orders / 250) + 2 + fetched.completedSeparately.length, seconds,
      quotaBoundSeconds: quotaBound(fetched.requests), perOrderQuotaBoundSeconds: quotaBound(orders + Math.ceil(orders / 250)),
      ...pdf,
    };
  } finally {
    bigcommerce.close();
    demo.child.kill('SIGTERM');
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runPickListBench(process.argv[2] ? Number(process.argv[2]) : undefined)
    .then((r) => console.log(JSON.stringify(r))) // one line: scripts/bench.mjs reads the last
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
