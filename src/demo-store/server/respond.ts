import type { ServerResponse } from 'node:http';

/** Write a JSON (or empty) response with the given headers. */
export function sendJson(res: ServerResponse, status: number, headers: Record<string, string>, body: unknown, preSerialized?: string | Buffer): void {
  if (status === 204 || (body === undefined && preSerialized === undefined)) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const payload = typeof preSerialized === 'string' || preSerialized instanceof Buffer ? preSerialized : JSON.stringify(body);
  const length = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json', 'Content-Length': String(length) });
  res.end(payload);
}

export interface Stats {
  requests: number;
  byStatus: Record<string, number>;
}

export function count(stats: Stats, status: number | 'dropped'): void {
  stats.requests++;
  const key = String(status);
  stats.byStatus[key] = (stats.byStatus[key] ?? 0) + 1;
}
