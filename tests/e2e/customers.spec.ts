import { expect, test } from './fixtures';
import { ActivityPage } from './pages/activity-page';
import { CustomersPage } from './pages/customers-page';
import { StagedPanel } from './pages/staged-panel';
import { activeStoreHttp } from './support/demo-http';

type Customer = { id: number; email: string; first_name: string; last_name: string; customer_group_id: number };
type Group = { id: number; name: string };

test('create a customer: required fields and the email are checked before sending, a taken email is shown on its field, then it is created', async ({ shell, page }) => {
  const store = await activeStoreHttp(page);
  const taken = ((await store.request('GET', '/v3/customers?limit=1')).body as { data: Customer[] }).data[0]!;
  const posts: string[] = [];
  page.on('request', (r) => r.postData()?.includes('"customers.create"') && posts.push(r.postData()!));
  await shell.goTo('Customers');
  const customers = new CustomersPage(page);
  await customers.load();

  await customers.openNewCustomer();
  await customers.submitNewCustomer({ lastName: 'Hopper', email: 'grace@' });
  await expect(customers.fieldError('First name')).toHaveAccessibleDescription('First name is required.');
  await expect(customers.fieldError('Email')).toHaveAccessibleDescription('Enter an email address such as name@example.com.');
  expect(posts).toEqual([]);

  await customers.submitNewCustomer({ firstName: 'Grace', email: taken.email.toUpperCase(), company: 'Navy Labs', group: 'Wholesale' });
  await expect(customers.fieldError('Email')).toHaveAccessibleDescription(/already in use/);

  await customers.submitNewCustomer({ email: 'grace.hopper@example.com' });
  await expect(customers.form).toBeHidden();
  const found = ((await store.request('GET', '/v3/customers?email:in=grace.hopper@example.com')).body as { data: Customer[] }).data;
  const groups = (await store.request('GET', '/v2/customer_groups')).body as Group[];
  expect(found).toHaveLength(1);
  expect(found[0]).toMatchObject({ first_name: 'Grace', last_name: 'Hopper', company: 'Navy Labs', customer_group_id: groups.find((g) => g.name === 'Wholesale')!.id });
  // The new row is on screen without a reload, its group by name.
  await customers.show('grace.hopper');
  await expect(customers.cell('grace.hopper@example.com', 'Customer group')).toHaveText('Wholesale');
});

test('assign five customers to a new group, apply, check on the store; Undo puts each customer back in its own group', async ({ shell, page }) => {
  const store = await activeStoreHttp(page);
  await shell.goTo('Customers');
  const customers = new CustomersPage(page);
  await customers.load();
  await customers.openGroups();
  await customers.createGroup('E2E Trade');
  await expect(customers.groupRow('E2E Trade').getByRole('cell').nth(1)).toHaveText('0');
  await customers.closeDialog();

  const five = ((await store.request('GET', '/v3/customers?limit=5&page=1')).body as { data: Customer[] }).data;
  await customers.selectRange(five[0]!.email, five[4]!.email);
  await customers.assignToGroup('E2E Trade');
  const staging = new StagedPanel(page);
  await staging.expectCount(5);
  for (const c of five) {
    await expect(customers.cell(c.email, 'Customer group')).toHaveText('E2E Trade');
    // The review names the customer, not an id.
    await expect(staging.row(`${c.first_name} ${c.last_name}`, 'Customer group')).toContainText('E2E Trade');
  }
  // Back in the grid, Ctrl+Z takes the whole assignment back in one step; Ctrl+Shift+Z restages it.
  await customers.cell(five[0]!.email, 'Email').click();
  await page.keyboard.press('Control+z');
  await staging.expectCount(0);
  await page.keyboard.press('Control+Shift+z');
  await staging.expectCount(5);

  await staging.apply('Assign to E2E Trade');
  await staging.expectCount(0);
  const groups = (await store.request('GET', '/v2/customer_groups')).body as Group[];
  const trade = groups.find((g) => g.name === 'E2E Trade')!;
  const ids = five.map((c) => c.id).join(',');
  const groupsOnStore = async () => ((await store.request('GET', `/v3/customers?id:in=${ids}`)).body as { data: Customer[] }).data.map((c) => c.customer_group_id);
  await expect.poll(groupsOnStore, { timeout: 30_000 }).toEqual(five.map(() => trade.id));
  await customers.openGroups();
  await expect(customers.groupRow('E2E Trade').getByRole('cell').nth(1)).toHaveText('5');
  await customers.closeDialog();

  await shell.goTo('Activity');
  const activity = new ActivityPage(page);
  await activity.expectStatus('Assign to E2E Trade', 'Completed');
  await activity.undo('Assign to E2E Trade');
  await activity.expectStatus('Undo: Assign to E2E Trade', 'Completed');
  await expect.poll(groupsOnStore, { timeout: 30_000 }).toEqual(five.map((c) => c.customer_group_id));
  await shell.goTo('Customers');
  for (const c of five) await expect(customers.cell(c.email, 'Customer group')).not.toHaveText('E2E Trade');
});
