import { createHash } from 'node:crypto';
import { encodePng } from './png';

/**
 * The picture the demo store shows for a seeded image: a flat background, a lighter "product" block
 * and a band, in colours derived from the image's file key, so the same seed gives the same picture
 * and neighbouring products look different. Made on request (a few ms) and never stored: a
 * 100,000-product catalog costs nothing on disk for it.
 */
const cache = new Map<string, Buffer>();
const CACHE_MAX = 512;

type Rgb = [number, number, number];

function hsl(h: number, s: number, l: number): Rgb {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return [Math.round(f(0) * 255), Math.round(f(8) * 255), Math.round(f(4) * 255)];
}

function fill(rgb: Uint8Array, width: number, x0: number, y0: number, x1: number, y1: number, c: Rgb): void {
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) rgb.set(c, (y * width + x) * 3);
  }
}

export function generatedImage(key: string, width: number, height: number): Buffer {
  const cacheKey = `${key}@${width}x${height}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  const digest = createHash('sha256').update(key).digest();
  const hue = (digest[0]! * 360) / 256;
  const rgb = new Uint8Array(width * height * 3);
  fill(rgb, width, 0, 0, width, height, hsl(hue, 0.35, 0.86));
  const bw = Math.max(1, Math.round(width * (0.45 + digest[1]! / 1024)));
  const bh = Math.max(1, Math.round(height * (0.4 + digest[2]! / 1024)));
  const bx = Math.floor((width - bw) / 2);
  const by = Math.floor((height - bh) / 2);
  fill(rgb, width, bx, by, bx + bw, by + bh, hsl((hue + 180) % 360, 0.45, 0.55));
  const band = Math.max(1, Math.round(height / 12));
  fill(rgb, width, 0, height - band * 2, width, height - band, hsl(hue, 0.5, 0.4));
  const png = encodePng(width, height, rgb);
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
  cache.set(cacheKey, png);
  return png;
}
