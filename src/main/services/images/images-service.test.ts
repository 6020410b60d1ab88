import { afterEach, describe, expect, it } from 'vitest';
import type { RowsChanged } from '../../../shared/contract';
import type { AppError } from '../../../shared/rpc';
import { createCatalogService, type CatalogService } from '../catalog';
import { startDemoEnv, type DemoEnv } from '../jobs/test-support/demo';
import { createImagesService, type ImagesService } from './images-service';

let env: DemoEnv;
let catalog: CatalogService;
let images: ImagesService;
let changes: RowsChanged[];

afterEach(async () => {
  await catalog.close();
  await env.close();
});

async function setup() {
  env = await startDemoEnv({ products: 30, orders: 2, customers: 2 });
  catalog = createCatalogService({ dataDir: env.dataDir, bigcommerce: env.bigcommerce });
  await catalog.load('store-1', env.storeHash);
  changes = [];
  images = createImagesService({ bigcommerce: env.bigcommerce, catalog, onRowsChanged: (c) => changes.push(c) });
}

const thumbnailOf = async (productId: number) => (await catalog.get('store-1', [productId]))[0]!.thumbnail_url;
const caught = async (p: Promise<unknown>): Promise<AppError> => p.then(() => expect.fail('expected a rejection'), (e: AppError) => e);

describe('images service against the demo store', () => {
  it('the catalog carries each product thumbnail; add, thumbnail, describe, remove and undo each step', async () => {
    await setup();
    const first = (await catalog.snapshot('store-1'))!.products.find((p) => p.thumbnail_url)!;
    const start = await images.list('store-1', first.id);
    expect(start.images[0]!.is_thumbnail).toBe(true);
    expect(first.thumbnail_url).toBe(start.images[0]!.url_tiny);
    expect(start.undo).toBeNull();

    const added = await images.add('store-1', first.id, start.images[0]!.url_zoom, 'Side view');
    const fresh = added.images.find((i) => !start.images.some((s) => s.id === i.id))!;
    expect(fresh).toMatchObject({ description: 'Side view', is_thumbnail: false });
    expect(added.undo?.label).toBe(`Undo adding image ${fresh.id}`);
    expect(changes.at(-1)).toMatchObject({ entity: 'product', cause: { kind: 'call', method: 'images.add' } });

    const thumb = await images.setThumbnail('store-1', first.id, fresh.id);
    expect(thumb.images[0]!.id).toBe(fresh.id);
    expect(await thumbnailOf(first.id)).toBe(fresh.url_tiny);
    expect(changes.at(-1)!.rows[0]).toMatchObject({ id: first.id, thumbnail_url: fresh.url_tiny });

    await images.describe('store-1', first.id, fresh.id, 'Front');
    const removed = await images.remove('store-1', first.id, start.images[0]!.id);
    expect(removed.images.map((i) => i.id)).not.toContain(start.images[0]!.id);

    // Undo, newest first: the removed image comes back (new id, same description), then the rest.
    const back = await images.undo('store-1', first.id);
    expect(back.images).toHaveLength(start.images.length + 1);
    expect(back.images.find((i) => i.description === start.images[0]!.description && !start.images.some((s) => s.id === i.id))).toBeTruthy();
    expect((await images.undo('store-1', first.id)).images.find((i) => i.id === fresh.id)!.description).toBe('Side view');
    const thumbBack = await images.undo('store-1', first.id);
    expect(thumbBack.images.find((i) => i.is_thumbnail)!.id).not.toBe(fresh.id);
    const none = await images.undo('store-1', first.id);
    expect(none.images.map((i) => i.id)).not.toContain(fresh.id);
    expect(none.undo).toBeNull();
    expect(await caught(images.undo('store-1', first.id))).toMatchObject({ code: 'CONFLICT' });
  });

  it("an unreachable URL is refused in the store's words and adds nothing; a first image becomes the thumbnail", async () => {
    await setup();
    const bare = (await catalog.snapshot('store-1'))!.products[0]!;
    const before = await images.list('store-1', bare.id);
    const error = await caught(images.add('store-1', bare.id, 'http://127.0.0.1:9/nothing.jpg'));
    expect(error).toMatchObject({ code: 'BIGCOMMERCE', details: { status: 400 } });
    expect(error.message).toMatch(/could not be downloaded.*could not be reached/);
    expect((await images.list('store-1', bare.id)).images).toEqual(before.images);

    for (const image of before.images) await images.remove('store-1', bare.id, image.id);
    expect(await thumbnailOf(bare.id)).toBe('');
    const other = (await catalog.snapshot('store-1'))!.products.find((p) => p.thumbnail_url && p.id !== bare.id)!;
    const source = (await images.list('store-1', other.id)).images[0]!.url_standard;
    const one = await images.add('store-1', bare.id, source);
    expect(one.images).toHaveLength(1);
    expect(one.images[0]!.is_thumbnail).toBe(true);
    expect(await thumbnailOf(bare.id)).toBe(one.images[0]!.url_tiny);
    expect(await caught(images.remove('store-1', bare.id, 999_999))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
