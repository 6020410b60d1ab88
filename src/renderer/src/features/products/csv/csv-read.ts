import { fieldSpec } from '../../../../../shared/contract';
import { IMPORTABLE, mapHeaders, type HeaderMap } from './csv-headers';
import type { ParsedFile } from './csv-match';
import { DecimalEvidence } from './csv-numbers';
import type { WorkerMessage } from './csv-worker';
import { runSliced, type Sliced } from './sliced';

export interface LoadedFile extends ParsedFile {
  name: string;
  delimiter: string;
  headers: HeaderMap;
  evidence: DecimalEvidence;
}

/** Reads the decimal marks of the file's money and weight columns, a slice at a time. */
function* weighDecimals(file: ParsedFile, headers: HeaderMap): Sliced<DecimalEvidence> {
  const evidence = new DecimalEvidence();
  const numeric = IMPORTABLE.filter((c) => fieldSpec('product', c)?.kind === 'money' || c === 'weight')
    .map((c) => headers.fields[c])
    .filter((i): i is number => i !== undefined);
  for (let r = 0; r < file.rows.length; r++) {
    for (const i of numeric) evidence.see(file.rows[r]![i] ?? '');
    if (r % 500 === 499) yield;
  }
  return evidence;
}

/**
 * A file → its rows, header meanings and decimal evidence. The parsing worker reads it; this thread
 * only receives rows, 128 KB at a time. `createWorker` is the app's Vite worker (the
 * benchmark passes its own bundle of the same worker).
 */
export function readCsvFile(
  input: File,
  options: { createWorker(): Worker; gridLabels: Readonly<Record<string, string>>; onProgress(progress: number, rows: number): void; signal: AbortSignal },
): Promise<LoadedFile> {
  const rows: string[][] = [];
  const problems = new Map<number, string>();
  let firstRow = 2;
  const worker = options.createWorker();
  return new Promise<LoadedFile>((resolve, reject) => {
    const fail = (message: string) => {
      worker.terminate();
      reject(new Error(message));
    };
    options.signal.addEventListener('abort', () => fail('cancelled'), { once: true });
    worker.onerror = (event) => fail(event.message || 'The file could not be read.');
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      if (message.type === 'chunk') {
        if (rows.length === 0) firstRow = message.chunk.firstRow;
        for (const row of message.chunk.rows) rows.push(row);
        for (const p of message.chunk.problems) problems.set(p.row, p.message);
        options.onProgress(message.chunk.progress, rows.length);
        return;
      }
      worker.terminate();
      if (message.type === 'error') return fail(message.message);
      const { header, delimiter } = message.summary;
      if (header.length === 0) return fail('The file is empty.');
      const headers = mapHeaders(header, options.gridLabels);
      const base = { name: input.name, header, rows, firstRow, problems, delimiter, headers };
      runSliced(weighDecimals(base, headers), 12, options.signal).then((evidence) => resolve({ ...base, evidence }), reject);
    };
    worker.postMessage({ file: input });
  });
}
