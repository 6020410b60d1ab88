import { PRODUCT_COLUMNS } from '../product-columns';
import { benchCatalog, benchCsv } from './bench-data';
import { IMPORTABLE } from './csv-headers';
import { indexCatalog } from './csv-index';
import { importEdits, matchFile, type MatchContext } from './csv-match';
import { readCsvFile } from './csv-read';
import { runSliced } from './sliced';

/**
 * The csvImport benchmark inside Chromium: the app's own reading (worker), matching (slices) and the
 * grid's synchronous share of staging, with the window's long tasks observed throughout.
 */
async function run(count: number) {
  const products = benchCatalog(count);
  const file = new File([benchCsv(products)], 'bench.csv', { type: 'text/csv' });
  const columns = new Map(PRODUCT_COLUMNS.map((c) => [c.id, c]));
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(Math.round(e.duration))));
  observer.observe({ type: 'longtask', buffered: false });
  const t0 = performance.now();
  const loaded = await readCsvFile(file, {
    createWorker: () => new Worker('/worker.js', { type: 'module' }),
    gridLabels: {},
    onProgress: () => undefined,
    signal: new AbortController().signal,
  });
  const t1 = performance.now();
  const index = await runSliced(indexCatalog(products));
  const ctx: MatchContext = { index, columns, checks: { money: { currency: 'USD', decimalPlaces: 2 } }, shown: (target, row) => columns.get(target.field)!.value(row) };
  const take = new Set(IMPORTABLE.filter((c) => loaded.headers.fields[c] !== undefined));
  const report = await runSliced(matchFile(loaded, ctx, { headers: loaded.headers, mark: loaded.evidence.proposal(), take }));
  const t2 = performance.now();
  // Let the last slice's long tasks be reported before reading them.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const beforeStage = longTasks.length;
  const t3 = performance.now();
  const { edits } = await runSliced(importEdits(report));
  // What crosses to main in staging.stage: one JSON body (the window's one unsliced step).
  const t35 = performance.now();
  const body = JSON.stringify({ id: 1, method: 'staging.stage', params: { storeId: 'bench', edits } });
  const t4 = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  return {
    rows: report.matched.length + report.unchanged + report.unmatched.length + report.invalid.length + report.skipped.length,
    changes: edits.length,
    browserParseMs: Math.round(t1 - t0),
    browserMatchMs: Math.round(t2 - t1),
    readyForReviewMs: Math.round(t2 - t0),
    longTasksUntilReview: longTasks.slice(0, beforeStage),
    maxLongTaskUntilReviewMs: Math.max(0, ...longTasks.slice(0, beforeStage)),
    browserStageMs: Math.round(t4 - t3),
    stageJsonMs: Math.round(t4 - t35),
    stageBodyMB: Math.round(body.length / 1e5) / 10,
    longTasksDuringStage: longTasks.slice(beforeStage),
  };
}

(globalThis as unknown as { runCsvBench: typeof run }).runCsvBench = run;
