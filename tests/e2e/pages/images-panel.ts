import { expect, type Locator, type Page } from '@playwright/test';
import { ProductsGridPage } from './products-grid';

/** The Products grid's Image column and the Images side panel of one product. */
export class ImagesPage extends ProductsGridPage {
  constructor(page: Page) {
    super(page);
  }

  panel(productName: string): Locator {
    return this.page.getByRole('complementary', { name: `Images of ${productName}` });
  }

  /** The grid's thumbnail of a product row (its alt text is the product's name). */
  gridThumbnail(sku: string, productName: string): Locator {
    return this.cell(sku, 'Image').getByRole('img', { name: productName, exact: true });
  }

  async openPanel(sku: string, productName: string): Promise<Locator> {
    await this.select(sku, 'Name');
    await this.toolbar.getByRole('button', { name: 'Images…' }).click();
    const panel = this.panel(productName);
    await expect(panel).toBeVisible();
    return panel;
  }

  items(panel: Locator): Locator {
    return panel.getByRole('list', { name: 'Images' }).getByRole('listitem');
  }

  item(panel: Locator, imageId: number): Locator {
    return panel.getByRole('listitem', { name: `Image ${imageId}`, exact: true });
  }

  async add(panel: Locator, url: string, description = ''): Promise<void> {
    const form = panel.getByRole('form', { name: 'Add an image' });
    await form.getByRole('textbox', { name: 'Image URL' }).fill(url);
    await form.getByRole('textbox', { name: 'Description (optional)' }).fill(description);
    await form.getByRole('button', { name: 'Add image' }).click();
  }

  /** Waits until the image has been fetched and decoded: a painted picture, not a broken icon. */
  async expectPainted(img: Locator): Promise<void> {
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((el) => { const i = el as unknown as { complete: boolean; naturalWidth: number }; return i.complete ? i.naturalWidth : 0; })).toBeGreaterThan(0);
  }
}
