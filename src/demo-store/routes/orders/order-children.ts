import { ApiError } from '../../http/errors';
import type { Ctx, Reply, RouteDef } from '../../http/router';
import { v2Page } from '../../http/v2';
import { isObject } from '../../model/validate';
import { orderProductJson, shippingAddressJson } from './serialize';
import { mergeAddress, requireOrder, saveOrder, v2Invalid } from './order-write';

const SPEC = 'orders.v2.oas2.yml';
const notFound = () => new ApiError(404, 'The requested resource was not found.');

function listProducts(ctx: Ctx): Reply {
  const o = requireOrder(ctx);
  return v2Page(ctx.query, ctx.store.db.itemsOf(o.id), orderProductJson);
}

function getProduct(ctx: Ctx): Reply {
  const o = requireOrder(ctx);
  const line = ctx.store.db.orderProducts.get(Number(ctx.params.product_id));
  if (!line || line.order_id !== o.id) throw notFound();
  return { status: 200, body: orderProductJson(line) };
}

function listAddresses(ctx: Ctx): Reply {
  const o = requireOrder(ctx);
  return v2Page(ctx.query, o.shipping_addresses, (a) => shippingAddressJson(ctx.store, a));
}

function getAddress(ctx: Ctx): Reply {
  const o = requireOrder(ctx);
  const a = o.shipping_addresses.find((x) => x.id === Number(ctx.params.id));
  if (!a) throw notFound();
  return { status: 200, body: shippingAddressJson(ctx.store, a) };
}

function updateAddress(ctx: Ctx): Reply {
  const o = requireOrder(ctx);
  const i = o.shipping_addresses.findIndex((x) => x.id === Number(ctx.params.id));
  if (i < 0) throw notFound();
  if (!isObject(ctx.body)) throw v2Invalid('The request body must be a JSON object.');
  let next = mergeAddress(o.shipping_addresses[i], ctx.body, 'shipping_address');
  if (ctx.body.shipping_method !== undefined) {
    if (typeof ctx.body.shipping_method !== 'string') throw v2Invalid('shipping_method must be a string.');
    next = { ...next, shipping_method: ctx.body.shipping_method };
  }
  const addresses = o.shipping_addresses.map((a, j) => (j === i ? next : a));
  saveOrder(ctx, o, { ...o, shipping_addresses: addresses });
  return { status: 200, body: shippingAddressJson(ctx.store, next) };
}

const r = (method: RouteDef['method'], path: string, handler: RouteDef['handler']): RouteDef => ({ method, path, area: 'orders', spec: SPEC, handler });
export const orderChildRoutes: RouteDef[] = [
  r('GET', '/v2/orders/{order_id}/products', listProducts),
  r('GET', '/v2/orders/{order_id}/products/{product_id}', getProduct),
  r('GET', '/v2/orders/{order_id}/shipping_addresses', listAddresses),
  r('GET', '/v2/orders/{order_id}/shipping_addresses/{id}', getAddress),
  r('PUT', '/v2/orders/{order_id}/shipping_addresses/{id}', updateAddress),
];
