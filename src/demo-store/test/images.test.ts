import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { sniffImage } from '../cdn/fetch-image';
import { generatedImage } from '../cdn/generated-image';

type Img = { id: number; is_thumbnail: boolean; sort_order: number; url_standard: string; url_thumbnail: string; url_tiny: string; url_zoom: string; image_url: string };
const list = async (h: Harness, pid: number): Promise<Img[]> => ((await h.call('GET', `/v3/catalog/products/${pid}/images`)).body as { data?: Img[] } | undefined)?.data ?? [];

/** PNG width/height from the IHDR chunk. */
const pngSize = (b: Buffer) => ({ w: b.readUInt32BE(16), h: b.readUInt32BE(20) });

describe('demo store images', () => {
  let h: Harness;
  let host: http.Server;
  let hostUrl = '';
  let dir = '';

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'demo-images-'));
    h = await startHarness({ dataDir: dir });
    // Another image host on loopback: a GIF, an HTML page and a redirect to the GIF.
    const gif = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
    host = http.createServer((req, res) => {
      if (req.url === '/a.gif') res.writeHead(200, { 'Content-Type': 'image/gif' }).end(gif);
      else if (req.url === '/moved') res.writeHead(302, { Location: '/a.gif' }).end();
      else res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html></html>');
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    host.close();
    await h.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('seeded images are served by the store itself, painted at each rendition size, the same for the same seed', async () => {
    const [img] = await list(h, 1);
    expect(img!.url_thumbnail.startsWith(`${h.store.url}/cdn/s-${h.hash}/images/stencil/220x290/products/1/`)).toBe(true);
    const res = await fetch(img!.url_thumbnail);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(sniffImage(bytes)).toBe('png');
    expect(pngSize(bytes)).toEqual({ w: 220, h: 290 });
    expect(pngSize(Buffer.from(await (await fetch(img!.url_tiny)).arrayBuffer()))).toEqual({ w: 44, h: 58 });
    expect(generatedImage('1/2/x__3', 44, 58).equals(generatedImage('1/2/x__3', 44, 58))).toBe(true);
    expect(generatedImage('1/2/x__3', 44, 58).equals(generatedImage('2/5/y__3', 44, 58))).toBe(false);
    expect((await fetch(img!.url_thumbnail.replace(/\/products\/1\//, '/products/2/'))).status).toBe(404);
    expect((await fetch(`${h.store.url}/cdn/s-${h.hash}/products/1/999999/x__1.png`)).status).toBe(404);
  });

  it('image_url adds download the image (redirects followed) and serve that copy; a later image is not the thumbnail', async () => {
    const before = await list(h, 2);
    const res = await h.call('POST', '/v3/catalog/products/2/images', { image_url: `${hostUrl}/moved`, description: 'Dot' });
    expect(res.status).toBe(200);
    const img = (res.body as { data: Img }).data;
    expect(img).toMatchObject({ is_thumbnail: before.length === 0, sort_order: before.length, image_url: `${hostUrl}/moved` });
    const served = await fetch(img.url_standard);
    expect(served.headers.get('content-type')).toBe('image/gif');
    expect(sniffImage(Buffer.from(await served.arrayBuffer()))).toBe('gif');
  });

  it('answers 400 with the reason when the URL cannot be downloaded or is not an image, and adds nothing', async () => {
    const before = await list(h, 3);
    for (const [url, reason] of [
      ['http://127.0.0.1:9/a.jpg', 'could not be reached'],
      [`${hostUrl}/page`, 'not a BMP, GIF, JPEG, PNG or WEBP image'],
      [`${h.store.url}/cdn/s-${h.hash}/products/3/1/nothing__1.png`, 'answered 404'],
    ]) {
      const res = await h.call('POST', '/v3/catalog/products/3/images', { image_url: url });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ status: 400, title: expect.stringContaining(reason) });
    }
    expect(await list(h, 3)).toEqual(before);
  });
});
