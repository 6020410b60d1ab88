import { expect, test } from './fixtures';
import { ImagesPage } from './pages/images-panel';
import { activeStoreHttp } from './support/demo-http';
import { rpc } from './support/rpc';

type Img = { id: number; is_thumbnail: boolean; description: string; url_tiny: string; url_thumbnail: string; url_standard: string };

test('an image added by URL shows in the panel and, made the thumbnail, in the grid; removed, undone, and another made the thumbnail', async ({ shell, page }) => {
  test.setTimeout(120_000);
  const http = await activeStoreHttp(page);
  await rpc(page, 'catalog.sync', { storeId: http.storeId, mode: 'refresh' });
  const storeImages = async (productId: number) => (((await http.request('GET', `/v3/catalog/products/${productId}/images`)).body as { data?: Img[] } | null)?.data ?? []);
  const primary = async (productId: number) => ((await http.request('GET', `/v3/catalog/products/${productId}?include=primary_image`)).body as { data: { primary_image: Img } }).data.primary_image;
  const { products: firstRows } = await rpc(page, 'catalog.listProducts', { storeId: http.storeId, offset: 0, limit: 20 });
  const product = firstRows.find((p) => p.thumbnail_url)!;
  const donor = firstRows.find((p) => p.thumbnail_url && p.id !== product.id)!;
  const before = await storeImages(product.id);
  const source = (await storeImages(donor.id))[0]!.url_standard;

  await shell.goTo('Products');
  const images = new ImagesPage(page);
  // The grid paints the cached thumbnail, named by the product.
  const gridImg = images.gridThumbnail(product.sku, product.name);
  await expect(gridImg).toHaveAttribute('src', before.find((i) => i.is_thumbnail)!.url_tiny);
  await images.expectPainted(gridImg);

  const panel = await images.openPanel(product.sku, product.name);
  await expect(images.items(panel)).toHaveCount(before.length);
  await expect(images.items(panel).first().getByText('Thumbnail', { exact: true })).toBeVisible();

  // Refused before sending, then refused by the store in its words; nothing is added.
  await images.add(panel, 'ftp://example.com/a.jpg');
  await expect(panel.getByText('must be an http:// or https:// address')).toBeVisible();
  await images.add(panel, 'http://127.0.0.1:9/missing.jpg');
  await expect(panel.getByRole('alert')).toContainText('could not be downloaded');
  // The refused URL stays in the field to be corrected.
  await expect(panel.getByRole('textbox', { name: 'Image URL' })).toHaveValue('http://127.0.0.1:9/missing.jpg');
  expect(await storeImages(product.id)).toHaveLength(before.length);

  await images.add(panel, source, 'From the donor');
  await expect(images.items(panel)).toHaveCount(before.length + 1);
  await expect(panel.getByRole('alert')).toHaveCount(0);
  const added = (await storeImages(product.id)).find((i) => !before.some((b) => b.id === i.id))!;
  expect(added).toMatchObject({ description: 'From the donor', is_thumbnail: false });
  const addedImg = images.item(panel, added.id).getByRole('img', { name: 'From the donor' });
  await expect(addedImg).toHaveAttribute('src', added.url_thumbnail);
  await images.expectPainted(addedImg);

  // Made the thumbnail: first in the panel, and the grid repaints with it (data.rowsChanged).
  await images.item(panel, added.id).getByRole('button', { name: 'Make thumbnail' }).click();
  await expect(images.items(panel).first()).toHaveAccessibleName(`Image ${added.id}`);
  await expect.poll(async () => (await primary(product.id)).id).toBe(added.id);
  await expect(gridImg).toHaveAttribute('src', added.url_tiny);
  await images.expectPainted(gridImg);

  // Removed, then undone: it comes back from the store's copy under a new id.
  await images.item(panel, added.id).getByRole('button', { name: `Remove image ${added.id}` }).click();
  await expect(images.items(panel)).toHaveCount(before.length);
  expect((await storeImages(product.id)).map((i) => i.id)).not.toContain(added.id);
  await panel.getByRole('button', { name: `Undo removing image ${added.id}` }).click();
  await expect(images.items(panel)).toHaveCount(before.length + 1);
  const back = (await storeImages(product.id)).find((i) => !before.some((b) => b.id === i.id))!;
  expect(back).toMatchObject({ description: 'From the donor', is_thumbnail: true });
  await expect(gridImg).toHaveAttribute('src', back.url_tiny);
  await images.item(panel, back.id).getByRole('button', { name: `Remove image ${back.id}` }).click();
  await expect(images.items(panel)).toHaveCount(before.length);

  // Another image made the thumbnail, checked over HTTP and in the grid.
  const other = before.find((i) => !i.is_thumbnail) ?? before[0]!;
  const otherItem = images.item(panel, other.id);
  if (await otherItem.getByRole('button', { name: 'Make thumbnail' }).count()) await otherItem.getByRole('button', { name: 'Make thumbnail' }).click();
  await expect(otherItem.getByText('Thumbnail', { exact: true })).toBeVisible();
  await expect.poll(async () => (await primary(product.id)).id).toBe(other.id);
  await expect(gridImg).toHaveAttribute('src', other.url_tiny);
  await images.expectPainted(gridImg);
  expect((await storeImages(product.id)).map((i) => i.id).sort()).toEqual(before.map((i) => i.id).sort());
});
