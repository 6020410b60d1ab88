import http from 'node:http';

/** Minimal keep-alive HTTP client for the benchmark (no JSON parsing beyond what is measured). */
export interface BenchTarget {
  url: string;
  storeHash: string;
  token: string;
}

export class BenchClient {
  private readonly agent: http.Agent;
  private readonly host: string;
  private readonly port: number;

  constructor(private readonly target: BenchTarget, maxSockets: number) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
    const u = new URL(target.url);
    this.host = u.hostname;
    this.port = Number(u.port);
  }

  request(method: string, path: string, body?: unknown): Promise<{ status: number; body: Buffer }> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = http.request({
        host: this.host, port: this.port, method, agent: this.agent, path: `/stores/${this.target.storeHash}${path}`,
        headers: {
          'X-Auth-Token': this.target.token, Accept: 'application/json',
          ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': String(payload.length) } : {}),
        },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Run `worker` on `concurrency` lanes until `durationMs` passes; returns completed operations per second. */
export async function measureRate(concurrency: number, durationMs: number, worker: (lane: number, n: number) => Promise<void>): Promise<{ ops: number; perSec: number }> {
  const start = performance.now();
  let ops = 0;
  await Promise.all(Array.from({ length: concurrency }, async (_, lane) => {
    for (let n = 0; performance.now() - start < durationMs; n++) {
      await worker(lane, n);
      ops++;
    }
  }));
  const secs = (performance.now() - start) / 1000;
  return { ops, perSec: Math.round((ops / secs) * 10) / 10 };
}
