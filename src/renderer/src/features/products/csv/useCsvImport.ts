import { useCallback, useEffect, useRef, useState } from 'react';
import { fieldSpec } from '../../../../../shared/contract';
import { IMPORTABLE, mapHeaders, type HeaderMap, type ImportableColumn } from './csv-headers';
import { matchFile, type ImportReport, type MatchContext, type ParsedFile } from './csv-match';
import { DecimalEvidence, type DecimalMark } from './csv-numbers';
import { DELIMITER_NAMES } from './csv-parse';
import type { WorkerMessage } from './csv-worker';
import { runSliced, type Sliced } from './sliced';

export interface LoadedFile extends ParsedFile {
  name: string;
  delimiter: string;
  headers: HeaderMap;
  evidence: DecimalEvidence;
}

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'reading'; name: string; progress: number; rows: number }
  | { phase: 'matching'; file: LoadedFile }
  | { phase: 'ready'; file: LoadedFile; report: ImportReport; mark: DecimalMark; take: ReadonlySet<ImportableColumn> }
  | { phase: 'failed'; name: string; message: string };

export const delimiterName = (d: string): string => DELIMITER_NAMES[d] ?? JSON.stringify(d);

/** Reads the decimal marks of the file's numeric columns, a slice at a time. */
function* weighDecimals(file: ParsedFile, headers: HeaderMap): Sliced<DecimalEvidence> {
  const evidence = new DecimalEvidence();
  const numeric = IMPORTABLE.filter((c) => fieldSpec('product', c)?.kind === 'money' || c === 'weight')
    .map((c) => headers.fields[c])
    .filter((i): i is number => i !== undefined);
  for (let r = 0; r < file.rows.length; r++) {
    for (const i of numeric) evidence.see(file.rows[r]![i] ?? '');
    if (r % 2000 === 1999) yield;
  }
  return evidence;
}

/**
 * Import a CSV into the Products grid: a worker parses the file (the window's thread only receives
 * rows), then rows are matched against the catalog a slice at a time, so a 100,000-row file never
 * blocks the window. Changing the decimal mark or the columns taken matches again.
 */
export function useCsvImport(context: () => Promise<MatchContext>, gridLabels: Readonly<Record<string, string>>) {
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const run = useRef<AbortController | null>(null);
  const worker = useRef<Worker | null>(null);

  const stop = useCallback(() => {
    run.current?.abort();
    worker.current?.terminate();
    worker.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  const match = useCallback(
    async (file: LoadedFile, mark: DecimalMark, take: ReadonlySet<ImportableColumn>) => {
      run.current?.abort();
      const controller = new AbortController();
      run.current = controller;
      setState({ phase: 'matching', file });
      try {
        const ctx = await context();
        const report = await runSliced(matchFile(file, ctx, { headers: file.headers, mark, take }), 12, controller.signal);
        setState({ phase: 'ready', file, report, mark, take });
      } catch (error) {
        if (!controller.signal.aborted) setState({ phase: 'failed', name: file.name, message: (error as Error).message });
      }
    },
    [context],
  );

  const open = useCallback(
    (input: File) => {
      stop();
      const rows: string[][] = [];
      const problems = new Map<number, string>();
      let firstRow = 2;
      setState({ phase: 'reading', name: input.name, progress: 0, rows: 0 });
      const w = new Worker(new URL('./csv-worker.ts', import.meta.url), { type: 'module' });
      worker.current = w;
      w.onmessage = (event: MessageEvent<WorkerMessage>) => {
        const message = event.data;
        if (message.type === 'chunk') {
          if (rows.length === 0) firstRow = message.chunk.firstRow;
          for (const row of message.chunk.rows) rows.push(row);
          for (const p of message.chunk.problems) problems.set(p.row, p.message);
          setState({ phase: 'reading', name: input.name, progress: message.chunk.progress, rows: rows.length });
          return;
        }
        w.terminate();
        worker.current = null;
        if (message.type === 'error') return setState({ phase: 'failed', name: input.name, message: message.message });
        const { header, delimiter } = message.summary;
        if (header.length === 0) return setState({ phase: 'failed', name: input.name, message: 'The file is empty.' });
        const headers = mapHeaders(header, gridLabels);
        void (async () => {
          const base = { name: input.name, header, rows, firstRow, problems, delimiter, headers };
          const evidence = await runSliced(weighDecimals(base as ParsedFile, headers));
          const file: LoadedFile = { ...base, evidence };
          const take = new Set(IMPORTABLE.filter((c) => headers.fields[c] !== undefined));
          await match(file, evidence.proposal(), take);
        })();
      };
      w.onerror = (event) => setState({ phase: 'failed', name: input.name, message: event.message || 'The file could not be read.' });
      w.postMessage({ file: input });
    },
    [gridLabels, match, stop],
  );

  const close = useCallback(() => {
    stop();
    setState({ phase: 'idle' });
  }, [stop]);

  return { state, open, close, match };
}
