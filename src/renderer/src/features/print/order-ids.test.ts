import { describe, expect, it } from 'vitest';
import { MAX_TYPED_ORDERS, parseOrderIds } from './order-ids';

describe('parseOrderIds', () => {
  it('reads numbers and ranges separated by commas, spaces or lines; sorted, without repeats', () => {
    expect(parseOrderIds('110, 101 105-107\n#106;#120')).toEqual({ ok: true, ids: [101, 105, 106, 107, 110, 120] });
  });
  it('says what is wrong with a part it cannot read', () => {
    expect(parseOrderIds('101, abc')).toEqual({ ok: false, error: '"abc" is not an order number or a range like 105-110.' });
    expect(parseOrderIds('110-101')).toMatchObject({ ok: false, error: expect.stringContaining('lower to a higher') });
    expect(parseOrderIds('0')).toMatchObject({ ok: false });
    expect(parseOrderIds('  ')).toMatchObject({ ok: false, error: expect.stringContaining('Type order numbers') });
  });
  it('refuses more orders than one call takes, without enumerating a huge range', () => {
    expect(parseOrderIds(`1-${MAX_TYPED_ORDERS}`)).toMatchObject({ ok: true });
    expect(parseOrderIds(`1-${MAX_TYPED_ORDERS + 1}`)).toMatchObject({ ok: false, error: expect.stringContaining(`At most ${MAX_TYPED_ORDERS}`) });
    expect(parseOrderIds('1-999999999')).toMatchObject({ ok: false });
    expect(parseOrderIds(`1-600 1001-1600`)).toMatchObject({ ok: false, error: expect.stringContaining('(1200 given)') });
  });
});
