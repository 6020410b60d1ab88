import { describe, expect, it } from 'vitest';
import { BigCommerceError, codeForStatus, errorFromResponse, multiStatusErrors, parseErrorBody } from './errors';

describe('parseErrorBody', () => {
  it('reads a V3 body: title and field errors', () => {
    const parsed = parseErrorBody({
      status: 422,
      title: 'JSON data is missing or invalid',
      type: '/api-docs/getting-started/api-status-codes',
      errors: { destination: 'error.path.missing.' },
    });
    expect(parsed.message).toBe('JSON data is missing or invalid');
    expect(parsed.fieldErrors).toEqual({ destination: 'error.path.missing.' });
  });

  it('flattens nested and list-valued field errors', () => {
    const parsed = parseErrorBody({
      status: 422,
      title: 'Invalid',
      errors: { 'variants.0': { sku: 'Duplicate' }, name: ['too long', 'bad chars'], count: 3 },
    });
    expect(parsed.fieldErrors).toEqual({ 'variants.0.sku': 'Duplicate', name: 'too long; bad chars', count: '3' });
  });

  it('appends a V3 detail to the title', () => {
    expect(parseErrorBody({ status: 400, title: 'Bad Request', detail: 'limit must be ≤ 250' }).message).toBe(
      'Bad Request: limit must be ≤ 250',
    );
  });

  it('reads variant batch_errors item by item', () => {
    const parsed = parseErrorBody({
      batch_errors: [
        { status: 422, title: 'Variant sku is a duplicate', type: '/x', instance: '', errors: { sku: 'Duplicate SKU' } },
        { status: 422, title: 'Invalid price', type: '/x', errors: {} },
      ],
    });
    expect(parsed.message).toBe('2 items were rejected: Variant sku is a duplicate; Invalid price');
    expect(parsed.fieldErrors).toEqual({ '0.sku': 'Duplicate SKU', '1': 'Invalid price' });
    expect(parsed.items).toEqual([
      { index: 0, status: 422, message: 'Variant sku is a duplicate', fieldErrors: { sku: 'Duplicate SKU' } },
      { index: 1, status: 422, message: 'Invalid price' },
    ]);
  });

  it('reads a V2 array, including details', () => {
    const parsed = parseErrorBody([
      { status: 409, message: 'The customer already exists.', details: { conflict_reason: 'email' } },
    ]);
    expect(parsed.message).toBe('The customer already exists.');
    expect(parsed.fieldErrors).toEqual({ '0.conflict_reason': 'email' });
  });

  it('reads the V2 customer-groups variant {errors: [{status, title}]}', () => {
    expect(parseErrorBody({ errors: [{ status: 400, title: 'Name is required', type: '/x' }] }).message).toBe(
      'Name is required',
    );
  });

  it('returns nothing for bodies it cannot read', () => {
    expect(parseErrorBody(null).message).toBeNull();
    expect(parseErrorBody('<html>').message).toBeNull();
    expect(parseErrorBody({}).message).toBeNull();
  });
});

describe('errorFromResponse', () => {
  it.each([
    [400, 'VALIDATION'],
    [401, 'AUTH'],
    [403, 'FORBIDDEN'],
    [404, 'NOT_FOUND'],
    [405, 'VALIDATION'],
    [409, 'CONFLICT'],
    [413, 'PAYLOAD_TOO_LARGE'],
    [415, 'VALIDATION'],
    [422, 'VALIDATION'],
    [423, 'CONFLICT'],
    [429, 'RATE_LIMITED'],
    [500, 'SERVER'],
    [503, 'SERVER'],
    [507, 'SERVER'],
    [304, 'BAD_RESPONSE'],
  ] as const)('%i → %s', (status, code) => {
    expect(codeForStatus(status)).toBe(code);
  });

  it('falls back to a human message when the body has none, and truncates huge ones', () => {
    const err = errorFromResponse({ status: 401, body: null, method: 'GET', path: '/v3/catalog/products' });
    expect(err).toBeInstanceOf(BigCommerceError);
    expect(err.message).toMatch(/access token/);
    expect(err.fieldErrors).toBeUndefined();
    const long = errorFromResponse({ status: 422, body: { title: 'x'.repeat(2000) } });
    expect(long.message.length).toBeLessThanOrEqual(500);
  });

  it('marks only failures that may hide a completed write as ambiguous', () => {
    expect(errorFromResponse({ status: 503, body: null }).ambiguous).toBe(true);
    expect(errorFromResponse({ status: 422, body: null }).ambiguous).toBe(false);
    expect(errorFromResponse({ status: 409, body: null }).ambiguous).toBe(false);
    expect(new BigCommerceError({ code: 'TIMEOUT', message: 't' }).ambiguous).toBe(true);
  });
});

describe('multiStatusErrors', () => {
  it('handles errors as an object or a list', () => {
    expect(multiStatusErrors({ data: [], errors: { status: 422, title: 'URL taken', errors: { custom_url: 'taken' } } })).toHaveLength(1);
    const list = multiStatusErrors({ data: [], errors: [{ status: 409, title: 'dup' }, { title: 'no status' }] });
    expect(list.map((e) => [e.code, e.message])).toEqual([
      ['CONFLICT', 'dup'],
      ['VALIDATION', 'no status'],
    ]);
    expect(multiStatusErrors({ data: [] })).toEqual([]);
  });
});
