import { parseCsv, type ParsedChunk, type ParseSummary } from './csv-parse';

/** Messages from the parsing worker: chunks of rows as they are read, then the header and separator. */
export type WorkerMessage = { type: 'chunk'; chunk: ParsedChunk } | { type: 'done'; summary: ParseSummary } | { type: 'error'; message: string };

// 128 KB per message (~1,500 rows): each chunk's copy into the window's thread stays well under a frame.
const CHUNK_BYTES = 128 * 1024;

// The renderer's types are the window's (DOM lib); a dedicated worker's postMessage takes no origin.
const scope = self as unknown as { onmessage: ((event: MessageEvent<{ file: File }>) => void) | null; postMessage(message: WorkerMessage): void };

scope.onmessage = (event) => {
  const post = (message: WorkerMessage) => scope.postMessage(message);
  parseCsv(event.data.file, (chunk) => post({ type: 'chunk', chunk }), CHUNK_BYTES).then(
    (summary) => post({ type: 'done', summary }),
    (error: unknown) => post({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
};
