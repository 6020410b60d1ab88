/** At most this many typed order numbers: packing slips take 1,000 orders a call. */
export const MAX_TYPED_ORDERS = 1000;

export type ParsedOrderIds = { ok: true; ids: number[] } | { ok: false; error: string };

/**
 * Order numbers as an operator types or pastes them: "101, 105-110 117" (commas, spaces or new
 * lines between; a range with a dash). Sorted, without repeats.
 */
export function parseOrderIds(text: string): ParsedOrderIds {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (parts.length === 0) return { ok: false, error: 'Type order numbers, e.g. 101, 105-110.' };
  const ids = new Set<number>();
  for (const part of parts) {
    const m = /^#?(\d{1,9})(?:-#?(\d{1,9}))?$/.exec(part);
    if (!m) return { ok: false, error: `"${part.slice(0, 20)}" is not an order number or a range like 105-110.` };
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 1 || to < from) return { ok: false, error: `"${part}" is not a range from a lower to a higher order number.` };
    if (to - from >= MAX_TYPED_ORDERS || ids.size + (to - from + 1) > MAX_TYPED_ORDERS * 2) return { ok: false, error: `At most ${MAX_TYPED_ORDERS} orders at once.` };
    for (let id = from; id <= to; id++) ids.add(id);
  }
  if (ids.size > MAX_TYPED_ORDERS) return { ok: false, error: `At most ${MAX_TYPED_ORDERS} orders at once (${ids.size} given).` };
  return { ok: true, ids: [...ids].sort((a, b) => a - b) };
}
