import { describe, expect, it } from 'vitest';
import { EDITABLE_FIELDS } from '../../../../../shared/contract';
import { coerceCell } from './coerce';

const product = EDITABLE_FIELDS.product;
const variant = EDITABLE_FIELDS.variant;

describe('cell text → field value', () => {
  it('reads money as decimal strings, never floats, and refuses what it would have to guess', () => {
    expect(coerceCell(product.price!, ' 1,234.5 ')).toEqual({ ok: true, value: '1234.5' });
    expect(coerceCell(product.price!, '87.99')).toEqual({ ok: true, value: '87.99' });
    expect(coerceCell(product.price!, '12,3')).toMatchObject({ ok: false, message: expect.stringContaining('not a valid amount') });
    expect(coerceCell(product.price!, '$5')).toMatchObject({ ok: false });
    expect(coerceCell(product.price!, '-1')).toEqual({ ok: false, message: 'must not be negative' });
    expect(coerceCell(product.price!, '')).toEqual({ ok: false, message: 'a value is required' });
    expect(coerceCell(variant.price!, '')).toEqual({ ok: true, value: null }); // inherit the product's price
  });

  it('reads stock as whole numbers, with thousands separators and a zero fraction', () => {
    expect(coerceCell(product.inventory_level!, '1,200')).toEqual({ ok: true, value: 1200 });
    expect(coerceCell(product.inventory_level!, '15.0')).toEqual({ ok: true, value: 15 });
    expect(coerceCell(product.inventory_level!, '15.5')).toMatchObject({ ok: false, message: '"15.5" is not a whole number' });
    expect(coerceCell(product.inventory_level!, '-3')).toMatchObject({ ok: false, message: expect.stringContaining('between 0') });
    expect(coerceCell(variant.inventory_level!, '')).toEqual({ ok: true, value: null });
  });

  it('reads flags and enums the way sheets write them', () => {
    expect(coerceCell(product.is_visible!, 'TRUE')).toEqual({ ok: true, value: true });
    expect(coerceCell(product.is_visible!, 'no')).toEqual({ ok: true, value: false });
    expect(coerceCell(product.is_visible!, 'maybe')).toMatchObject({ ok: false });
    expect(coerceCell(product.is_visible!, '')).toMatchObject({ ok: false }); // a blank is not "no"
    expect(coerceCell(product.availability!, 'Preorder')).toEqual({ ok: true, value: 'preorder' });
    expect(coerceCell(product.availability!, 'soon')).toMatchObject({ ok: false, message: expect.stringContaining('available, disabled, preorder') });
  });

  it('keeps text as typed, within the API limits', () => {
    expect(coerceCell(product.name!, '  Mug  ')).toEqual({ ok: true, value: '  Mug  ' });
    expect(coerceCell(product.name!, '')).toMatchObject({ ok: false });
    expect(coerceCell(product.upc!, '1234567890123456')).toEqual({ ok: false, message: '16 characters, at most 14 allowed' });
  });
});
