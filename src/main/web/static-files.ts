import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface StaticFile {
  body: Buffer;
  type: string;
}

/** Serves the built renderer; any path outside the root or unknown falls back to index.html (client routing). */
export function createStaticFiles(root: string) {
  const cache = new Map<string, StaticFile>();
  const resolveInside = (urlPath: string): string | null => {
    const clean = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
    const full = join(root, clean);
    return full === root || full.startsWith(root + sep) ? full : null;
  };
  return async function get(urlPath: string): Promise<StaticFile | null> {
    const path = resolveInside(urlPath === '/' ? '/index.html' : urlPath);
    if (!path) return null;
    const hit = cache.get(path);
    if (hit) return hit;
    try {
      const file = { body: await readFile(path), type: TYPES[extname(path)] ?? 'application/octet-stream' };
      cache.set(path, file);
      return file;
    } catch {
      return extname(path) ? null : get('/index.html');
    }
  };
}
