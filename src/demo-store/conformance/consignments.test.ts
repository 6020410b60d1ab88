import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allV2, startHarness, type Harness } from '../test/harness';
import { SpecLoader, specRootFor, specsAvailable, type Json } from './spec-loader';
import { toJsonSchema } from './to-json-schema';

/**
 * Consignments checked closer than the conformance table can: there the order's `consignments`
 * is `oneOf` a resource link or the object, and a link matches both, so here each part is
 * validated against its own schema (`orderConsignment_Get` without `line_items`, every inlined
 * line against `orderProducts`, which forbids unknown fields, every link against `products_Resource`).
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const specRoot = specRootFor(repoRoot);
const haveSpecs = specsAvailable(specRoot);
const SPEC = 'reference/orders.v2.oas2.yml';

type Line = { id: number; order_id: number; sku: string; quantity: number; quantity_refunded: number };
type Shipping = { id: number; line_items: unknown[]; __warning__?: { message: string } };
type Consignments = { pickups: unknown[]; shipping: Shipping[]; downloads: unknown[]; email: { gift_certificates: unknown[] } };
type Order = { id: number; items_total: number; consignments: unknown };

function schemaValidator(loader: SpecLoader, name: string, strip: string[] = []): ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const f of ['float', 'double', 'int32', 'int64', 'decimal', 'url', 'email-address']) ajv.addFormat(f, true);
  const schema = toJsonSchema(loader.resolve({ $ref: `#/components/schemas/${name}` }, SPEC)) as { [k: string]: Json };
  return ajv.compile(JSON.parse(JSON.stringify(schema, (k: string, v: unknown) => (strip.includes(k) ? undefined : v))) as object);
}

const errorsOf = (fn: ValidateFunction, value: unknown) => (fn(value) ? [] : (fn.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

describe.skipIf(!haveSpecs)('order consignments (include=consignments[.line_items], consignment_structure)', () => {
  let h: Harness;
  let consignment: ValidateFunction, orderProduct: ValidateFunction, resourceLink: ValidateFunction;
  let inlined: Order[];
  beforeAll(async () => {
    const loader = new SpecLoader(specRoot);
    consignment = schemaValidator(loader, 'orderConsignment_Get', ['line_items']);
    orderProduct = schemaValidator(loader, 'orderProducts');
    resourceLink = schemaValidator(loader, 'products_Resource');
    h = await startHarness();
    inlined = await allV2<Order>(h, '/v2/orders?status_id=11&include=consignments.line_items&consignment_structure=object');
  });
  afterAll(() => h.close());

  it('inlines, in the object structure, the lines /orders/{id}/products lists, validated against the spec', async () => {
    expect(inlined.length).toBeGreaterThan(20);
    for (const o of inlined.slice(0, 25)) {
      const c = o.consignments as Consignments;
      expect(errorsOf(consignment, c)).toEqual([]);
      const lines = c.shipping.flatMap((s) => s.line_items as Line[]);
      for (const line of lines) expect(errorsOf(orderProduct, line)).toEqual([]);
      if (o.items_total <= 50) expect(lines).toEqual((await h.call('GET', `/v2/orders/${o.id}/products?limit=250`)).body);
    }
  });

  it('cuts a consignment short at 50 lines with the documented __warning__', async () => {
    const long = inlined.find((o) => (o.consignments as Consignments).shipping.some((s) => s.__warning__));
    expect(long, 'the seed has an Awaiting Fulfillment order past 50 lines').toBeDefined();
    const shipping = (long!.consignments as Consignments).shipping[0];
    expect(shipping.line_items).toHaveLength(50);
    expect(shipping.__warning__!.message).toContain('only 50 are included');
    expect(shipping.__warning__!.message).toContain('/v2/orders/{order_id}/products');
    const all = (await h.call('GET', `/v2/orders/${long!.id}/products?limit=250`)).body as Line[];
    expect(all.length).toBeGreaterThan(50);
    expect(shipping.line_items).toEqual(all.slice(0, 50));
    const short = inlined.filter((o) => !(o.consignments as Consignments).shipping.some((s) => s.__warning__));
    expect(short.every((o) => (o.consignments as Consignments).shipping.every((s) => s.line_items.length <= 50))).toBe(true);
  });

  it('keeps the legacy array structure without consignment_structure, with links to the lines', async () => {
    const id = inlined[0].id;
    const o = (await h.call('GET', `/v2/orders/${id}?include=consignments`)).body as Order;
    expect(Array.isArray(o.consignments)).toBe(true);
    const [c] = o.consignments as Consignments[];
    expect(errorsOf(consignment, c)).toEqual([]);
    const link = c.shipping[0].line_items[0] as { url: string; resource: string };
    expect(errorsOf(resourceLink, link)).toEqual([]);
    expect(link.resource).toMatch(new RegExp(`^/orders/${id}/products/\\d+$`));
    expect((await h.call('GET', `/v2${link.resource}`)).status).toBe(200);
  });

  it('answers /orders/{id}/consignments with the object itself, and a plain order with a link', async () => {
    const id = inlined[0].id;
    const direct = (await h.call('GET', `/v2/orders/${id}/consignments?include=consignments.line_items`)).body;
    expect(direct).toEqual(inlined[0].consignments);
    const plain = (await h.call('GET', `/v2/orders/${id}`)).body as Order;
    expect(plain.consignments).toEqual({ url: expect.stringMatching(/\/v2\/orders\/\d+\/consignments$/), resource: `/orders/${id}/consignments` });
  });
});
