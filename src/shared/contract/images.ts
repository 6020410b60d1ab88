import { z } from 'zod';
import { method } from './define';
import { StoreId } from './stores';

/**
 * A product's images (issue 11, Images): listed, added by URL (`image_url`: the store downloads it),
 * removed, made the thumbnail, described. Each call writes to the store at once and can be undone
 * (images.undo, newest first): see the README's "Images" for why these are not staged.
 * Limits from products_catalog.v3.yml (productImage_Post_Put: image_url ≤ 255).
 */
const Id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** ≤ 255 as the API takes it, http(s) only: a store cannot download file: or data: URLs. */
export const ImageUrl = z
  .string()
  .trim()
  .min(1, 'an image URL is required')
  .max(255, 'an image URL has at most 255 characters')
  .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), 'must be an http:// or https:// address');
const Description = z.string().max(1000, 'a description has at most 1,000 characters');

export const ProductImageSchema = z.object({
  id: Id,
  is_thumbnail: z.boolean(),
  sort_order: z.number().int(),
  description: z.string(),
  /** Where the image came from (as added), or the store's own copy. */
  image_url: z.string(),
  url_zoom: z.string(),
  url_standard: z.string(),
  url_thumbnail: z.string(),
  url_tiny: z.string(),
});
export type ProductImage = z.infer<typeof ProductImageSchema>;

/** What images.undo would do now, in words ("Undo adding image 12"), or null when there is nothing. */
export const ImagesUndoSchema = z.object({ label: z.string() }).nullable();

export const ProductImagesSchema = z.object({
  storeId: StoreId,
  productId: Id,
  /** The thumbnail first, then by sort order (then id). */
  images: z.array(ProductImageSchema),
  undo: ImagesUndoSchema,
});
export type ProductImages = z.infer<typeof ProductImagesSchema>;

const Target = { storeId: StoreId, productId: Id };

export const imagesMethods = {
  'images.list': method(z.object(Target).strict(), ProductImagesSchema, "A product's images, read from the store (thumbnail first, then sort order)."),
  'images.add': method(
    z.object({ ...Target, imageUrl: ImageUrl, description: Description.optional() }).strict(),
    ProductImagesSchema,
    'Add an image by URL (the store downloads it; its refusal comes back in its words); a first image becomes the thumbnail.',
  ),
  'images.remove': method(z.object({ ...Target, imageId: Id }).strict(), ProductImagesSchema, 'Delete one image of the product.'),
  'images.setThumbnail': method(z.object({ ...Target, imageId: Id }).strict(), ProductImagesSchema, 'Make one image the thumbnail (the store clears the others).'),
  'images.describe': method(z.object({ ...Target, imageId: Id, description: Description }).strict(), ProductImagesSchema, "Change an image's description (its alt text in the storefront)."),
  'images.undo': method(z.object(Target).strict(), ProductImagesSchema, "Undo the last image change of this product (a removed image comes back by URL from the store's copy, under a new id)."),
};
