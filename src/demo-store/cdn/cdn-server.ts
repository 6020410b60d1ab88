import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StoreRuntime } from '../server/store-runtime';
import type { BlobStore } from './blob-store';
import { generatedImage } from './generated-image';
import { parseCdnPath } from './renditions';

const TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', bmp: 'image/bmp' };

/**
 * GET /cdn/s-{hash}/...: the store's images, public like BigCommerce's CDN (no token, no rate
 * limit). An image added by URL is served as downloaded (every rendition the same bytes: the demo
 * store does not resize); a seeded one is painted at the rendition's size. Returns false when the
 * path is not a CDN path, so the API pipeline handles it.
 *
 * A deleted image's picture stays served (by its file key, painted): a CDN copy outlives its row
 * [unverified how long on BigCommerce], and re-adding a removed image by its URL (undo) relies on it.
 */
export async function serveCdn(req: IncomingMessage, res: ServerResponse, stores: Map<string, StoreRuntime>, blobs: BlobStore): Promise<boolean> {
  const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  if (!pathname.startsWith('/cdn/')) return false;
  const parsed = parseCdnPath(pathname);
  const store = parsed ? stores.get(parsed.storeHash) : undefined;
  const image = parsed && store ? store.db.imagesOf(parsed.productId).find((i) => i.id === parsed.imageId) : undefined;
  const gone = !image && !!parsed && !!store && parsed.imageId < store.db.images.peekNextId() && !store.db.images.get(parsed.imageId);
  if (!parsed || (!gone && image?.file !== parsed.file) || (req.method !== 'GET' && req.method !== 'HEAD')) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return true;
  }
  const blob = image?.blob ? await blobs.get(image.blob) : undefined;
  const body = blob ?? generatedImage(parsed.file, parsed.width, parsed.height);
  const type = blob ? TYPES[image!.blob!.split('.')[1]!] ?? 'application/octet-stream' : 'image/png';
  res.writeHead(200, {
    'Content-Type': type, 'Content-Length': String(body.length), 'Cache-Control': 'public, max-age=86400',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}
