import { expect, type Locator, type Page } from '@playwright/test';

/** The app frame: store switcher, section navigation, status bar. */
export class ShellPage {
  readonly stores: Locator;
  /** The store buttons themselves (not their Edit buttons). */
  readonly storeItems: Locator;
  readonly sections: Locator;
  readonly title: Locator;
  readonly statusBar: Locator;

  constructor(readonly page: Page) {
    this.stores = page.getByRole('navigation', { name: 'Stores' });
    this.storeItems = this.stores.getByRole('listitem').getByRole('button', { name: /^(?!Edit )/ });
    this.sections = page.getByRole('navigation', { name: 'Sections' });
    this.title = page.getByRole('heading', { level: 1 });
    this.statusBar = page.getByRole('contentinfo', { name: 'Status' });
  }

  async open(launchUrl: string): Promise<void> {
    await this.page.goto(launchUrl);
    await expect(this.storeItems.first()).toBeVisible();
  }

  storeButton(name: string | RegExp): Locator {
    return this.storeItems.filter({ hasText: name });
  }

  async switchStore(name: string | RegExp): Promise<void> {
    await this.storeButton(name).click();
    await expect(this.storeButton(name)).toHaveAttribute('aria-current', 'true');
  }

  /** Switches with the keyboard shortcut (Ctrl+N selects the N-th store). */
  async switchByShortcut(position: number, name: string | RegExp): Promise<void> {
    await this.page.keyboard.press(`Control+${position}`);
    await expect(this.storeButton(name)).toHaveAttribute('aria-current', 'true');
  }

  /** The active store's name in the screen's header (always in view). */
  activeStore(): Locator {
    return this.page.getByTestId('active-store');
  }

  async goTo(section: string): Promise<void> {
    await this.sections.getByRole('link', { name: section, exact: true }).click();
    await expect(this.title).toHaveText(section);
  }
}
