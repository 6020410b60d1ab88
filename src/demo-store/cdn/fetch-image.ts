import { ApiError } from '../http/errors';

/** BigCommerce takes images up to 8 MB (products_catalog.v3.yml, createProductImage). */
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
const TIMEOUT_MS = 10_000;

export interface FetchedImage {
  bytes: Buffer;
  ext: 'png' | 'jpg' | 'gif' | 'webp' | 'bmp';
}

/**
 * The spec's words for a 400 on createProductImage: "The requested resource could not be downloaded
 * and may be invalid. Possible reasons include malformed request syntax or the file host blocking
 * requests." [unverified] the exact title BigCommerce sends; the reason is appended here so a person
 * can act on it.
 */
function notDownloaded(reason: string): ApiError {
  return new ApiError(400, `The requested resource could not be downloaded and may be invalid: ${reason}`);
}

/** The type by its first bytes, as an image host's Content-Type is often wrong. */
export function sniffImage(b: Buffer): FetchedImage['ext'] | null {
  if (b.length >= 8 && b.readUInt32BE(0) === 0x89504e47) return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpg';
  if (b.length >= 6 && b.toString('latin1', 0, 4) === 'GIF8') return 'gif';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (b.length >= 2 && b.toString('latin1', 0, 2) === 'BM') return 'bmp';
  return null;
}

async function readCapped(res: Response): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > MAX_IMAGE_BYTES) throw notDownloaded('the image is larger than 8 MB');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const part of res.body ?? []) {
    size += part.length;
    if (size > MAX_IMAGE_BYTES) throw notDownloaded('the image is larger than 8 MB');
    chunks.push(Buffer.from(part));
  }
  return Buffer.concat(chunks);
}

/** Downloads `image_url` as BigCommerce does before it answers a createProductImage. */
export async function fetchImage(url: string, fetchImpl: typeof fetch = fetch): Promise<FetchedImage> {
  let res: Response;
  try {
    res = await fetchImpl(url, { redirect: 'follow', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw notDownloaded(cause ? `the host could not be reached (${cause})` : 'the host could not be reached');
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw notDownloaded(`the host answered ${res.status}`);
  }
  const bytes = await readCapped(res);
  const ext = sniffImage(bytes);
  if (!ext) throw notDownloaded('it is not a BMP, GIF, JPEG, PNG or WEBP image');
  return { bytes, ext };
}
