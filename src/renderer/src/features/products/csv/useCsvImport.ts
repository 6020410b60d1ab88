import { useCallback, useEffect, useRef, useState } from 'react';
import { IMPORTABLE, type ImportableColumn } from './csv-headers';
import { matchFile, type ImportReport, type MatchContext } from './csv-match';
import type { DecimalMark } from './csv-numbers';
import { DELIMITER_NAMES } from './csv-parse';
import { readCsvFile, type LoadedFile } from './csv-read';
import { runSliced } from './sliced';

export type { LoadedFile } from './csv-read';

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'reading'; name: string; progress: number; rows: number }
  | { phase: 'matching'; file: LoadedFile }
  | { phase: 'ready'; file: LoadedFile; report: ImportReport; mark: DecimalMark; take: ReadonlySet<ImportableColumn> }
  | { phase: 'failed'; name: string; message: string };

export const delimiterName = (d: string): string => DELIMITER_NAMES[d] ?? JSON.stringify(d);

const createWorker = () => new Worker(new URL('./csv-worker.ts', import.meta.url), { type: 'module' });

/**
 * Import a CSV into the Products grid: a worker parses the file, then rows are matched against
 * the catalog a slice at a time, so a 100,000-row file never blocks the window. Changing the
 * decimal mark or the columns taken matches again.
 */
export function useCsvImport(context: () => Promise<MatchContext>, gridLabels: Readonly<Record<string, string>>) {
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const run = useRef<AbortController | null>(null);
  const restart = useCallback(() => {
    run.current?.abort();
    const controller = new AbortController();
    run.current = controller;
    return controller.signal;
  }, []);
  useEffect(() => () => run.current?.abort(), []);

  const match = useCallback(
    async (file: LoadedFile, mark: DecimalMark, take: ReadonlySet<ImportableColumn>) => {
      const signal = restart();
      setState({ phase: 'matching', file });
      try {
        const ctx = await context();
        const report = await runSliced(matchFile(file, ctx, { headers: file.headers, mark, take }), 12, signal);
        setState({ phase: 'ready', file, report, mark, take });
      } catch (error) {
        if (!signal.aborted) setState({ phase: 'failed', name: file.name, message: (error as Error).message });
      }
    },
    [context, restart],
  );

  const open = useCallback(
    async (input: File) => {
      const signal = restart();
      setState({ phase: 'reading', name: input.name, progress: 0, rows: 0 });
      try {
        const onProgress = (progress: number, rows: number) => setState({ phase: 'reading', name: input.name, progress, rows });
        const file = await readCsvFile(input, { createWorker, gridLabels, onProgress, signal });
        await match(file, file.evidence.proposal(), new Set(IMPORTABLE.filter((c) => file.headers.fields[c] !== undefined)));
      } catch (error) {
        if (!signal.aborted) setState({ phase: 'failed', name: input.name, message: (error as Error).message });
      }
    },
    [gridLabels, match, restart],
  );

  const close = useCallback(() => {
    run.current?.abort();
    setState({ phase: 'idle' });
  }, []);

  return { state, open: (file: File) => void open(file), close, match };
}
