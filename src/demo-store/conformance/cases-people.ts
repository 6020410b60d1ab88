import { c, type Case } from './case-types';

const C = '/v3/customers';
const G = '/v2/customer_groups';
const GID = `${G}/{customer_group_id}`;
const H = '/v3/hooks';
const HID = `${H}/{webhook_id}`;
const data = (r: { body: unknown }) => (r.body as { data: Record<string, unknown> & Array<Record<string, unknown>> }).data;
const customer = (i: number) => ({ email: `conf${i}@example.com`, first_name: 'Con', last_name: `Form${i}` });

export const customerCases: Case[] = [
  c('list customers', 'GET', C, 200, `${C}?include=addresses,storecredit&limit=5&sort=last_name:asc`),
  c('list customers, filtered', 'GET', C, 200, `${C}?name:like=smith,jones&customer_group_id:in=1,2&page=2&limit=3`),
  c('list customers, bad filter', 'GET', C, 422, `${C}?date_created:min=yesterday`),
  c('create customers', 'POST', C, 200, C, {
    body: () => [{ ...customer(1), addresses: [{ first_name: 'Con', last_name: 'Form', address1: '1 Main St', city: 'Austin', state_or_province: 'Texas', postal_code: '78701', country_code: 'US' }] }, customer(2)],
    save: (r, f) => { f.custId = data(r)[0].id as number; f.custId2 = data(r)[1].id as number; },
  }),
  c('create customers, 11 items', 'POST', C, 413, C, { body: () => Array.from({ length: 11 }, (_, i) => customer(100 + i)) }),
  c('create customers, duplicate email', 'POST', C, 422, C, { body: () => [customer(1)] }),
  c('update customers', 'PUT', C, 200, C, { body: (f) => [{ id: f.custId, notes: 'VIP prospect', customer_group_id: 3 }] }),
  c('update customers, 11 items', 'PUT', C, 413, C, { body: (f) => Array.from({ length: 11 }, () => ({ id: f.custId, notes: 'x' })) }),
  c('update customers, duplicate email', 'PUT', C, 422, C, { body: (f) => [{ id: f.custId2, email: 'conf1@example.com' }] }),
  c('delete customers', 'DELETE', C, 204, (f) => `${C}?id:in=${f.custId2}`),
  c('delete customers without id:in', 'DELETE', C, 204, C),
  c('delete customers, bad id:in', 'DELETE', C, 422, `${C}?id:in=abc`),
];

export const groupCases: Case[] = [
  c('list customer groups', 'GET', G, 200, G),
  c('create customer group', 'POST', G, 200, G, { body: () => ({ name: 'Trade', discount_rules: [{ type: 'all', method: 'percent', amount: 15 }] }), save: (r, f) => { f.groupId = (r.body as { id: number }).id; } }),
  c('count customer groups', 'GET', '/v2/customer_groups/count', 200, '/v2/customer_groups/count'),
  c('get customer group', 'GET', GID, 200, (f) => `${G}/${f.groupId}`),
  c('update customer group', 'PUT', GID, 200, (f) => `${G}/${f.groupId}`, { body: () => ({ name: 'Trade Partners' }) }),
  c('delete customer group', 'DELETE', GID, 204, (f) => `${G}/${f.groupId}`),
];

export const storeCases: Case[] = [
  c('store information', 'GET', '/v2/store', 200, '/v2/store'),
  c('time', 'GET', '/v2/time', 200, '/v2/time'),
];

export const hookCases: Case[] = [
  c('create hook', 'POST', H, 200, H, {
    body: () => ({ scope: 'store/order/*', destination: 'https://hooks.example.com/bc', headers: { 'X-Secret': 's3cr3t' } }),
    save: (r, f) => { f.hookId = data(r).id as number; },
  }),
  c('create hook, missing destination', 'POST', H, 422, H, { body: () => ({ scope: 'store/order/created' }) }),
  c('create hook, same scope and destination', 'POST', H, 422, H, { body: () => ({ scope: 'store/order/*', destination: 'https://hooks.example.com/bc' }) }),
  c('create hook, malformed body', 'POST', H, 400, H, { body: () => ['not', 'an', 'object'] }),
  c('list hooks', 'GET', H, 200, `${H}?is_active=true&scope=store/order/*`),
  c('get hook', 'GET', HID, 200, (f) => `${H}/${f.hookId}`),
  c('get missing hook', 'GET', HID, 404, `${H}/999999`),
  c('update hook', 'PUT', HID, 200, (f) => `${H}/${f.hookId}`, { body: () => ({ is_active: false }) }),
  c('delete hook', 'DELETE', HID, 200, (f) => `${H}/${f.hookId}`),
];
