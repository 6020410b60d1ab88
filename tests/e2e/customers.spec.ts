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

type Page = { data: Customer[]; meta: { pagination: { total: number } } };

test('rename a group and delete it: the question says how many customers it holds, then they show no group (checked on the store)', async ({ shell, page }) => {
  const store = await activeStoreHttp(page);
  const vip = ((await store.request('GET', '/v2/customer_groups')).body as Group[]).find((g) => g.name === 'VIP')!;
  const members = ((await store.request('GET', `/v3/customers?customer_group_id:in=${vip.id}&limit=250`)).body as Page);
  const held = members.meta.pagination.total;
  expect(held).toBeGreaterThan(1);
  const some = members.data.slice(0, 3);
  await shell.goTo('Customers');
  const customers = new CustomersPage(page);
  await customers.load();
  await customers.show(some[0]!.email);
  await expect(customers.cell(some[0]!.email, 'Customer group')).toHaveText('VIP');

  await customers.openGroups();
  await expect(customers.groupRow('VIP').getByRole('cell').nth(1)).toHaveText(held.toLocaleString('en-US'));
  await customers.renameGroup('VIP', 'VIP Club');
  const groupsOnStore = async () => ((await store.request('GET', '/v2/customer_groups')).body as Group[]).map((g) => g.name);
  expect(await groupsOnStore()).toContain('VIP Club');
  expect(await groupsOnStore()).not.toContain('VIP');
  await customers.closeDialog();
  // The grid shows groups by name: the new one, without a reload.
  await expect(customers.cell(some[0]!.email, 'Customer group')).toHaveText('VIP Club');

  await customers.openGroups();
  const question = await customers.deleteGroup('VIP Club');
  expect(question).toBe(`Delete the group “VIP Club”? It holds ${held.toLocaleString('en-US')} customers; they will be in no group.`);
  expect(await groupsOnStore()).not.toContain('VIP Club');
  const ids = members.data.map((c) => c.id).join(',');
  const onStore = ((await store.request('GET', `/v3/customers?id:in=${ids}&limit=250`)).body as Page).data;
  expect(onStore.map((c) => c.customer_group_id)).toEqual(members.data.map(() => 0));
  await customers.closeDialog();
  for (const c of some) {
    await customers.show(c.email);
    await expect(customers.cell(c.email, 'Customer group')).toHaveText('No group');
  }
});

test.describe('in a time zone west of UTC', () => {
  test.use({ timezoneId: 'America/Los_Angeles' });

  test('date created and date modified filter as from–to day ranges, matching the store’s date_created:min/max and date_modified:min', async ({ shell, page }) => {
    const store = await activeStoreHttp(page);
    const count = async (query: string) => ((await store.request('GET', `/v3/customers?limit=1${query}`)).body as Page).meta.pagination.total;
    // The grid reads whole days in the screen's time zone: the bounds the store is asked for are those instants.
    const [marchFrom, marchTo, juneFrom] = await page.evaluate(() => [
      new Date(2025, 2, 1).toISOString(), new Date(new Date(2025, 3, 1).getTime() - 1).toISOString(), new Date(2025, 5, 1).toISOString(),
    ]);
    const total = await count('');
    const march = await count(`&date_created:min=${marchFrom}&date_created:max=${marchTo}`);
    const marchModifiedSinceJune = await count(`&date_created:min=${marchFrom}&date_created:max=${marchTo}&date_modified:min=${juneFrom}`);
    expect(march).toBeGreaterThan(marchModifiedSinceJune);
    expect(marchModifiedSinceJune).toBeGreaterThan(0);

    await shell.goTo('Customers');
    const customers = new CustomersPage(page);
    await customers.load();
    await customers.tools.filter('Date created', { op: 'between', from: '2025-03-01', to: '2025-03-31' });
    await customers.tools.expectRowsShown(march, total);
    await expect(customers.tools.toolbar).toContainText('Date created 2025-03-01 – 2025-03-31');
    await customers.tools.filter('Date modified', { op: 'between', from: '2025-06-01' });
    await customers.tools.expectRowsShown(marchModifiedSinceJune, total);
    await expect(customers.tools.toolbar).toContainText('Date modified from 2025-06-01');
    await customers.tools.clearFilter('Date created');
    await customers.tools.clearFilter('Date modified');
    await customers.tools.expectRowsShown(total, total);
  });
});
