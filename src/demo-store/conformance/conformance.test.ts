import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../routes';
import { startHarness, type Harness } from '../test/harness';
import { SpecValidator } from './validator';
import { specRootFor, specsAvailable } from './spec-loader';
import type { Case, Fixture } from './case-types';
import { customFieldCases, imageCases, optionCases, productCases, productDeleteCases, variantCases } from './cases-catalog';
import { brandCases, categoryCases, treeCases } from './cases-taxonomy';
import { orderCases } from './cases-orders';
import { customerCases, groupCases, hookCases, storeCases } from './cases-people';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const specRoot = specRootFor(repoRoot);
const haveSpecs = specsAvailable(specRoot);
if (!haveSpecs) console.warn(`[conformance] skipped: official specs not found at ${specRoot} (expected ../shared beside the repo)`);

const ALL: Case[] = [
  ...productCases, ...variantCases, ...optionCases, ...imageCases, ...customFieldCases, ...categoryCases, ...treeCases, ...brandCases,
  ...productDeleteCases, ...orderCases, ...customerCases, ...groupCases, ...storeCases, ...hookCases,
];

describe.skipIf(!haveSpecs)('demo store conforms to the official OpenAPI response schemas', () => {
  let h: Harness;
  let validator: SpecValidator;
  const fixture: Fixture = {};

  beforeAll(async () => {
    validator = new SpecValidator(specRoot);
    h = await startHarness();
    h.store.addToken(h.hash, 'no-access-token', { products: 'none', orders: 'none', customers: 'none', information: 'none', webhooks: 'none' });
  });
  afterAll(() => h.close());

  it('has a success case for every implemented route, and every case names a real route', () => {
    const key = (m: string, p: string) => `${m} ${p}`;
    const routes = new Set(ROUTES.map((r) => key(r.method, r.path)));
    for (const cs of ALL) expect(routes, cs.name).toContain(key(cs.method, cs.template));
    const ok = new Set(ALL.filter((cs) => cs.status < 300).map((cs) => key(cs.method, cs.template)));
    const missing = ROUTES.filter((r) => !r.probeOnly && !ok.has(key(r.method, r.path))).map((r) => key(r.method, r.path));
    expect(missing).toEqual([]);
  });

  it.each(ALL.map((cs) => [cs.name, cs] as const))('%s', async (_name, cs) => {
    const res = await h.call(cs.method, cs.path(fixture), cs.body?.(fixture));
    if (res.status === cs.status) cs.save?.(res, fixture);
    expect(res.status, res.text.slice(0, 500)).toBe(cs.status);
    if (cs.status === 204) expect(res.text).toBe('');
    const result = validator.validate({ method: cs.method, pathTemplate: cs.template, status: res.status, body: res.body });
    expect(result.errors, res.text.slice(0, 300)).toEqual([]);
    if (cs.status >= 400 && cs.status !== 404 && result.documented) expect(result.validated || res.status === 413).toBe(true);
  });

  it.each(ROUTES.map((r) => [`${r.method} ${r.path}`, r] as const))('401 and 403 bodies for %s', async (_name, r) => {
    const concrete = r.path.replace(/\{[^}]+\}/g, '1');
    const body = r.method === 'POST' || r.method === 'PUT' ? {} : undefined;
    for (const [token, status] of [[null, 401], ['no-access-token', 403]] as const) {
      const res = await h.call(r.method, concrete.slice(0), body, { token });
      expect(res.status).toBe(status);
      if (concrete.startsWith('/v2')) expect(res.body).toEqual([{ status, message: expect.any(String) }]);
      else expect(res.body).toMatchObject({ status, title: expect.any(String), type: expect.any(String) });
      // A probe-only route's spec is not among the copied ones; its error bodies are the shared ones checked above.
      if (r.probeOnly) continue;
      const result = validator.validate({ method: r.method, pathTemplate: r.path, status, body: res.body });
      expect(result.errors).toEqual([]);
    }
  });
});
