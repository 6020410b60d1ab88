import type { Ctx, Reply, RouteDef } from '../../http/router';
import type { OrderRow } from '../../state/types';
import { v2Page } from '../../http/v2';
import { ORDER_STATUSES, statusJson } from '../../model/order-statuses';
import { filterOrders } from './order-filters';
import { orderJson } from './serialize';
import { patchOrder, requireOrder, saveOrder } from './order-write';
import { createOrder } from './order-create';
import { consignmentRequest, includedConsignments } from './consignments';

const SPEC = 'orders.v2.oas2.yml';

/** An order as GET answers it: `include=consignments...` inlines the consignments (see consignments.ts). */
function readJson(ctx: Ctx, o: OrderRow): Record<string, unknown> {
  const json = orderJson(ctx.store, o);
  const req = consignmentRequest(ctx.query);
  return req ? { ...json, consignments: includedConsignments(ctx.store, o, req) } : json;
}

function list(ctx: Ctx): Reply {
  return v2Page(ctx.query, filterOrders(ctx.store.db, ctx.query), (o) => readJson(ctx, o));
}

function count(ctx: Ctx): Reply {
  const rows = filterOrders(ctx.store.db, ctx.query);
  const byStatus = new Map<number, number>();
  for (const o of rows) byStatus.set(o.status_id, (byStatus.get(o.status_id) ?? 0) + 1);
  const labels = ctx.store.profile.statusLabels;
  const statuses = [...ORDER_STATUSES].sort((a, b) => a.order - b.order).map((s) => {
    const { order, ...json } = statusJson(s, labels);
    return { ...json, count: byStatus.get(s.id) ?? 0, sort_order: order };
  });
  return { status: 200, body: { statuses, count: rows.length } };
}

function getOne(ctx: Ctx): Reply {
  return { status: 200, body: readJson(ctx, requireOrder(ctx)) };
}

function update(ctx: Ctx): Reply {
  const prev = requireOrder(ctx);
  const row = saveOrder(ctx, prev, patchOrder(ctx, prev, ctx.body));
  return { status: 200, body: orderJson(ctx.store, row) };
}

function create(ctx: Ctx): Reply {
  return { status: 200, body: orderJson(ctx.store, createOrder(ctx, ctx.body)) };
}

/** DELETE archives the order (BigCommerce moves it to the archive; it disappears from lists). */
function archive(ctx: Ctx): Reply {
  const prev = requireOrder(ctx);
  if (!prev.is_deleted) {
    saveOrder(ctx, undefined, { ...prev, is_deleted: true });
    ctx.tx.emit('store/order/archived', { type: 'order', id: prev.id });
  }
  return { status: 204 };
}

function statuses(ctx: Ctx): Reply {
  return { status: 200, body: ORDER_STATUSES.map((s) => statusJson(s, ctx.store.profile.statusLabels)) };
}

function oneStatus(ctx: Ctx): Reply {
  const s = ORDER_STATUSES.find((x) => x.id === Number(ctx.params.status_id));
  if (!s) return { status: 404, body: [{ status: 404, message: 'The requested resource was not found.' }] };
  return { status: 200, body: statusJson(s, ctx.store.profile.statusLabels) };
}

const r = (method: RouteDef['method'], path: string, handler: RouteDef['handler']): RouteDef => ({ method, path, area: 'orders', spec: SPEC, handler });
export const orderRoutes: RouteDef[] = [
  r('GET', '/v2/orders', list), r('POST', '/v2/orders', create), r('GET', '/v2/orders/count', count),
  r('GET', '/v2/orders/{order_id}', getOne), r('PUT', '/v2/orders/{order_id}', update), r('DELETE', '/v2/orders/{order_id}', archive),
  r('GET', '/v2/order_statuses', statuses), r('GET', '/v2/order_statuses/{status_id}', oneStatus),
];
