import { AppError } from '../../../shared/rpc';
import type { ProductImage, ProductImages, RowsChanged } from '../../../shared/contract';
import type { BigCommerceClient, BigCommerceService } from '../bigcommerce';
import type { CatalogService } from '../catalog';
import { BigCommerceError } from '../bigcommerce';
import { toAppError } from '../customers/errors';
import { addImage, deleteImage, listImages, updateImage } from './images-api';
import { UndoStacks, type ImageUndo } from './undo-stack';

export interface ImagesServiceDeps {
  bigcommerce: Pick<BigCommerceService, 'clientFor'>;
  catalog: Pick<CatalogService, 'refreshIds'>;
  onRowsChanged?: (change: RowsChanged) => void;
  log?: (line: string) => void;
}

export interface ImagesService {
  list(storeId: string, productId: number): Promise<ProductImages>;
  add(storeId: string, productId: number, imageUrl: string, description?: string): Promise<ProductImages>;
  remove(storeId: string, productId: number, imageId: number): Promise<ProductImages>;
  setThumbnail(storeId: string, productId: number, imageId: number): Promise<ProductImages>;
  describe(storeId: string, productId: number, imageId: number, description: string): Promise<ProductImages>;
  undo(storeId: string, productId: number): Promise<ProductImages>;
  forget(storeId: string): void;
}

/**
 * A product's images, written to the store at once (one request each) with an undo stack: see the
 * README's "Images" for why these are not staged. After a write the product is read back into the
 * catalog cache (its thumbnail_url) and `data.rowsChanged` repaints the grid.
 */
export function createImagesService(deps: ImagesServiceDeps): ImagesService {
  const undo = new UndoStacks();
  const client = (storeId: string): BigCommerceClient => deps.bigcommerce.clientFor(storeId);

  async function result(storeId: string, productId: number, images?: ProductImage[]): Promise<ProductImages> {
    const list = images ?? (await listImages(client(storeId), productId));
    const next = undo.peek(storeId, productId);
    return { storeId, productId, images: list, undo: next ? { label: next.label } : null };
  }

  /** The product's row again from the store, so the grid's thumbnail follows. Never fails the write. */
  async function repaint(storeId: string, productId: number, method: string): Promise<void> {
    try {
      const { rows, removedIds } = await deps.catalog.refreshIds(storeId, [productId]);
      if (rows.length === 0 && removedIds.length === 0) return;
      deps.onRowsChanged?.({
        storeId, entity: 'product', rows: rows as Extract<RowsChanged, { entity: 'product' }>['rows'],
        ...(removedIds.length ? { removedIds } : {}), cause: { kind: 'call', method },
      });
    } catch (error) {
      deps.log?.(`[images] could not refresh product ${productId} of ${storeId}: ${String(error)}`);
    }
  }

  async function requireImage(storeId: string, productId: number, imageId: number): Promise<{ image: ProductImage; images: ProductImage[] }> {
    const images = await listImages(client(storeId), productId);
    const image = images.find((i) => i.id === imageId);
    if (!image) throw new AppError('NOT_FOUND', `Image ${imageId} is no longer on this product; the list was read again.`);
    return { image, images };
  }

  /**
   * The store's refusal (a URL it could not download: 400) is BIGCOMMERCE, not VALIDATION: the
   * params were valid, the store said no — in its words, which the message carries.
   */
  function storeError(error: unknown, doing: string): unknown {
    const app = toAppError(error, doing);
    if (!(error instanceof BigCommerceError) || error.code !== 'VALIDATION') return app;
    return new AppError('BIGCOMMERCE', `${doing}: ${error.message}`, { status: error.status });
  }

  /** Runs a write, then reads the images and the product row back. */
  async function write(storeId: string, productId: number, method: string, doing: string, run: (c: BigCommerceClient) => Promise<ImageUndo | null>): Promise<ProductImages> {
    let step: ImageUndo | null;
    try {
      step = await run(client(storeId));
    } catch (error) {
      throw storeError(error, doing);
    }
    if (step) undo.push(storeId, productId, step);
    await repaint(storeId, productId, method);
    return result(storeId, productId);
  }

  return {
    list: async (storeId, productId) => {
      try {
        return await result(storeId, productId);
      } catch (error) {
        throw storeError(error, 'Could not read the images');
      }
    },
    add: (storeId, productId, imageUrl, description) =>
      write(storeId, productId, 'images.add', 'Could not add the image', async (c) => {
        const before = await listImages(c, productId);
        const added = await addImage(c, productId, { image_url: imageUrl.trim(), ...(description ? { description } : {}) }, before);
        return { kind: 'delete', imageId: added.id, label: `Undo adding image ${added.id}` };
      }),
    remove: (storeId, productId, imageId) =>
      write(storeId, productId, 'images.remove', 'Could not remove the image', async (c) => {
        const { image } = await requireImage(storeId, productId, imageId);
        await deleteImage(c, productId, imageId);
        return { kind: 'readd', image, label: `Undo removing image ${imageId}` };
      }),
    setThumbnail: (storeId, productId, imageId) =>
      write(storeId, productId, 'images.setThumbnail', 'Could not make it the thumbnail', async (c) => {
        const { image, images } = await requireImage(storeId, productId, imageId);
        if (image.is_thumbnail) return null;
        await updateImage(c, productId, imageId, { is_thumbnail: true });
        const previous = images.find((i) => i.is_thumbnail);
        return previous ? { kind: 'thumbnail', imageId: previous.id, label: `Undo: make image ${previous.id} the thumbnail again` } : null;
      }),
    describe: (storeId, productId, imageId, description) =>
      write(storeId, productId, 'images.describe', 'Could not change the description', async (c) => {
        const { image } = await requireImage(storeId, productId, imageId);
        if (image.description === description) return null;
        await updateImage(c, productId, imageId, { description });
        return { kind: 'describe', imageId, description: image.description, label: `Undo the description of image ${imageId}` };
      }),
    undo: async (storeId, productId) => {
      const step = undo.peek(storeId, productId);
      if (!step) throw new AppError('CONFLICT', 'There is no image change of this product to undo.');
      return write(storeId, productId, 'images.undo', 'Could not undo', async (c) => {
        const readded = await takeBack(c, productId, step);
        undo.pop(storeId, productId);
        if (readded !== undefined && step.kind === 'readd') undo.remap(storeId, productId, step.image.id, readded);
        return null;
      });
    },
    forget: (storeId) => undo.forget(storeId),
  };
}

/** The inverse of one change. A removed image comes back by URL under a new id (returned). */
async function takeBack(c: BigCommerceClient, productId: number, step: ImageUndo): Promise<number | undefined> {
  if (step.kind === 'delete') return void (await deleteImage(c, productId, step.imageId).catch((error: unknown) => ignoreGone(error)));
  if (step.kind === 'thumbnail') return void (await updateImage(c, productId, step.imageId, { is_thumbnail: true }));
  if (step.kind === 'describe') return void (await updateImage(c, productId, step.imageId, { description: step.description }));
  const { image } = step;
  const before = await listImages(c, productId);
  // The store's own copy when the image came from it; the source URL it was added from otherwise.
  const added = await addImage(c, productId, {
    image_url: image.image_url || image.url_zoom, description: image.description, is_thumbnail: image.is_thumbnail, sort_order: image.sort_order,
  }, before);
  return added.id;
}

function ignoreGone(error: unknown): void {
  if ((error as { code?: string }).code !== 'NOT_FOUND') throw error;
}
