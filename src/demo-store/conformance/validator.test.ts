import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toJsonSchema } from './to-json-schema';
import { specRootFor, specsAvailable } from './spec-loader';
import { SpecValidator } from './validator';

const specRoot = specRootFor(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..'));

describe('OpenAPI → JSON Schema conversion', () => {
  it('handles nullable, x-nullable, boolean exclusive bounds and oneOf', () => {
    expect(toJsonSchema({ type: 'integer', nullable: true })).toEqual({ type: ['integer', 'null'] });
    expect(toJsonSchema({ type: 'string', enum: ['a'], 'x-nullable': true })).toEqual({ type: ['string', 'null'], enum: ['a', null] });
    expect(toJsonSchema({ type: 'number', minimum: 0, exclusiveMinimum: true })).toEqual({ type: 'number', exclusiveMinimum: 0 });
    expect(toJsonSchema({ oneOf: [{ type: 'string' }], example: 'x' })).toEqual({ anyOf: [{ type: 'string' }] });
    expect(toJsonSchema({ type: 'object', properties: { example: { type: 'string' } } })).toEqual({ type: 'object', properties: { example: { type: 'string' } } });
  });
});

describe.skipIf(!specsAvailable(specRoot))('spec validator', () => {
  const v = new SpecValidator(specRoot);

  it('rejects bodies that break the response schema', () => {
    const bad = v.validate({ method: 'GET', pathTemplate: '/v3/catalog/products/{product_id}', status: 200, body: { data: { id: 'one', price: '12.00' }, meta: {} } });
    expect(bad.validated).toBe(true);
    expect(bad.errors.length).toBeGreaterThan(0);
    const extra = v.validate({ method: 'GET', pathTemplate: '/v2/orders/{order_id}/products', status: 200, body: [{ id: 1, not_in_spec: true }] });
    expect(extra.errors.join()).toMatch(/additional/);
  });

  it('accepts a conforming body and reports undocumented statuses', () => {
    const ok = v.validate({ method: 'GET', pathTemplate: '/v2/time', status: 200, body: { time: 1700000000 } });
    expect(ok).toEqual({ documented: true, validated: true, errors: [] });
    expect(v.validate({ method: 'GET', pathTemplate: '/v2/time', status: 418, body: {} }).documented).toBe(false);
    expect(v.findOperation('GET', '/v3/customers')?.file).toBe('reference/customers.v3.yml');
    expect(v.findOperation('GET', '/v2/customer_groups')?.file).toBe('reference/customers.v2.yml');
  });
});
