import Papa from 'papaparse';

/** A batch of parsed records: each record's cells, its 1-based line in the file's record count (header = 1). */
export interface ParsedChunk {
  rows: string[][];
  /** Record number of rows[0] (the header is record 1, so data starts at 2). */
  firstRow: number;
  /** Records the parser could not read cleanly (an unclosed quote), by record number. */
  problems: Array<{ row: number; message: string }>;
  /** 0…1 of the input read so far. */
  progress: number;
}

export interface ParseSummary {
  header: string[];
  delimiter: string;
  rows: number;
}

/** What a separator is called where the preview names it. */
export const DELIMITER_NAMES: Readonly<Record<string, string>> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

/**
 * Parses CSV text or a file in chunks with Papa Parse (separator `,` `;` or tab detected from the
 * start of the file, quoted fields with line breaks, a leading BOM dropped). The header row comes
 * back in the summary; data rows arrive through `onChunk` as they are read.
 */
export function parseCsv(input: File | Blob | string, onChunk: (chunk: ParsedChunk) => void, chunkSize = 1 << 20): Promise<ParseSummary> {
  const total = typeof input === 'string' ? input.length : input.size;
  let header: string[] | null = null;
  let delimiter = ',';
  let next = 1;
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(input as File, {
      header: false,
      // Blank lines are kept (and skipped later) so row numbers stay the spreadsheet's.
      skipEmptyLines: false,
      delimitersToGuess: [',', ';', '\t'],
      chunkSize,
      chunk(results) {
        delimiter = results.meta.delimiter;
        let rows = results.data;
        const offset = next;
        if (header === null && rows.length > 0) {
          header = rows[0]!.map((cell, i) => (i === 0 ? cell.replace(/^\uFEFF/, '') : cell));
          rows = rows.slice(1);
          next += 1;
        }
        const problems = results.errors
          .filter((e) => e.row !== undefined && e.code !== 'UndetectableDelimiter')
          .map((e) => ({ row: offset + e.row!, message: e.code === 'MissingQuotes' ? 'a quoted field is never closed' : e.message }));
        const cursor = results.meta.cursor;
        onChunk({ rows, firstRow: next, problems, progress: total > 0 ? Math.min(1, cursor / total) : 1 });
        next += rows.length;
      },
      complete: () => resolve({ header: header ?? [], delimiter, rows: next - 2 < 0 ? 0 : next - 2 }),
      error: (error: Error) => reject(error),
    });
  });
}
