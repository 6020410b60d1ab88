import type { StoreRuntime } from '../server/store-runtime';
import type { ImageRow } from '../state/types';

/**
 * The image renditions BigCommerce's CDN serves (url_zoom, url_standard, url_thumbnail, url_tiny),
 * named as the real ones are ("stencil/500x659/products/{file}.386.513.jpg"), and the pixel size
 * the demo store paints a generated picture at (3:4, within the box; zoom kept small on purpose).
 */
export const RENDITIONS = {
  zoom: { box: '1280x1280', w: 480, h: 640 },
  standard: { box: '500x659', w: 386, h: 513 },
  thumbnail: { box: '220x290', w: 220, h: 290 },
  tiny: { box: '44x58', w: 44, h: 58 },
} as const;
export const ORIGINAL = { w: 600, h: 800 } as const;

/** `{origin}/cdn/s-{hash}`: where the demo store's "CDN" serves one store's images. */
export const cdnBase = (origin: string, storeHash: string): string => `${origin}/cdn/s-${storeHash}`;

export const storeCdn = (store: StoreRuntime): string => cdnBase(store.apiBase(), store.profile.hash);

const extOf = (img: ImageRow): string => img.blob?.split('.')[1] ?? 'png';

export function imageUrls(img: ImageRow, cdn: string): Record<'url_zoom' | 'url_standard' | 'url_thumbnail' | 'url_tiny', string> & { original: string } {
  const ext = extOf(img);
  const at = (r: { box: string; w: number; h: number }) => `${cdn}/images/stencil/${r.box}/products/${img.file}.${r.w}.${r.h}.${ext}?c=1`;
  return {
    url_zoom: at(RENDITIONS.zoom), url_standard: at(RENDITIONS.standard),
    url_thumbnail: at(RENDITIONS.thumbnail), url_tiny: at(RENDITIONS.tiny),
    original: `${cdn}/products/${img.file}.${ext}`,
  };
}

export interface CdnRequest {
  storeHash: string;
  productId: number;
  imageId: number;
  /** The row's `file` key the URL names. */
  file: string;
  width: number;
  height: number;
}

const STENCIL = /^\/cdn\/s-([a-z0-9]+)\/images\/stencil\/\d+x\d+\/products\/((\d+)\/(\d+)\/[^/]+)\.(\d+)\.(\d+)\.[a-z]{3,4}$/;
const PLAIN = /^\/cdn\/s-([a-z0-9]+)\/products\/((\d+)\/(\d+)\/[^/]+)\.[a-z]{3,4}$/;

/** Parses a CDN path (without its query), or null when it is not one. */
export function parseCdnPath(pathname: string): CdnRequest | null {
  const s = STENCIL.exec(pathname);
  if (s) {
    const width = Number(s[5]);
    const height = Number(s[6]);
    if (width < 1 || height < 1 || width > 1280 || height > 1280) return null;
    return { storeHash: s[1]!, file: decodeURIComponent(s[2]!), productId: Number(s[3]), imageId: Number(s[4]), width, height };
  }
  const p = PLAIN.exec(pathname);
  if (!p) return null;
  return { storeHash: p[1]!, file: decodeURIComponent(p[2]!), productId: Number(p[3]), imageId: Number(p[4]), width: ORIGINAL.w, height: ORIGINAL.h };
}
