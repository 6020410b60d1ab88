import { expect, type Locator, type Page } from '@playwright/test';

/** The Activity section: the jobs table and a job's per-row results. */
export class ActivityPage {
  readonly jobs: Locator;

  constructor(readonly page: Page) {
    this.jobs = page.getByRole('table', { name: 'Jobs' });
  }

  row(title: string | RegExp): Locator {
    return this.jobs.getByRole('row').filter({ hasText: title });
  }

  async expectStatus(title: string | RegExp, status: string): Promise<void> {
    await expect(this.row(title)).toContainText(status, { timeout: 60_000 });
  }

  async openResults(title: string): Promise<Locator> {
    await this.row(title).getByRole('button', { name: title }).click();
    return this.page.getByRole('region', { name: `Results of ${title}` });
  }

  retryFailedButton(title: string | RegExp): Locator {
    return this.row(title).getByRole('button', { name: /^Retry failed \(\d+\)$/ });
  }

  /** The actions Activity offers for a job, in order (Pause, Resume, Cancel, Undo, Retry failed). */
  actions(title: string | RegExp): Locator {
    return this.row(title).getByRole('cell').last().getByRole('button');
  }

  async undo(title: string | RegExp): Promise<void> {
    this.page.once('dialog', (d) => void d.accept());
    await this.row(title).getByRole('button', { name: 'Undo' }).click();
  }
}
