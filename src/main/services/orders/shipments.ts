import { ShipmentRequestSchema, type Shipment, type ShipmentOutcome, type ShipmentRequest } from '../../../shared/contract';
import { AppError } from '../../../shared/rpc';
import { BigCommerceError, createWithCheck, type BigCommerceClient } from '../bigcommerce';
import { isPhysical, leftToShip, linesOf, shipmentsOf, type ApiLine } from './detail';

/**
 * Shipments for many orders (POST /v2/orders/{id}/shipments, bigcommerce-facts §7), in two passes:
 * 1. Read every order's lines and shipments and check each requested quantity against what is
 *    left (ordered − shipped − refunded). Any excess refuses the whole call with one VALIDATION
 *    error naming each order and line: nothing is sent.
 * 2. POST one shipment per shipping address. A POST is never retried blindly: after an ambiguous
 *    failure (createWithCheck) the order's shipments are listed first, and one that was not there
 *    before, to the same address with the same items and tracking number, is ours.
 * Failures of pass 2 are per order; other orders go on.
 */
type Parsed = ReturnType<typeof ShipmentRequestSchema.parse>;

interface Planned {
  request: Parsed;
  /** order_address_id → items. */
  byAddress: Map<number, Array<{ order_product_id: number; quantity: number }>>;
  before: Set<number>;
}

const CONCURRENCY = 4;

export async function createShipments(client: BigCommerceClient, requests: readonly ShipmentRequest[]): Promise<{ results: ShipmentOutcome[] }> {
  const parsed = requests.map((r) => ShipmentRequestSchema.parse(r));
  const read = await pool(parsed, (request) => readOrder(client, request));
  const problems = read.flatMap((r) => ('problems' in r ? r.problems : []));
  if (problems.length > 0) throw new AppError('VALIDATION', `Nothing was shipped. ${problems.join(' ')}`, { issues: problems.map((message) => ({ field: 'shipments', message })) });
  const results = await pool(read, async (r): Promise<ShipmentOutcome> => {
    if ('outcome' in r) return r.outcome;
    return post(client, r as Planned);
  });
  return { results };
}

type ReadResult = Planned | { problems: string[] } | { outcome: ShipmentOutcome };

async function readOrder(client: BigCommerceClient, request: Parsed): Promise<ReadResult> {
  const { orderId } = request;
  let lines: ApiLine[];
  let shipments: Shipment[];
  try {
    [lines, shipments] = await Promise.all([linesOf(client, orderId), shipmentsOf(client, orderId)]);
  } catch (error) {
    if (error instanceof BigCommerceError && error.code === 'NOT_FOUND') return { outcome: { orderId, ok: false, code: 'NOT_FOUND', message: `The store has no order ${orderId}.` } };
    throw error;
  }
  const plan = request.items ? checkItems(request, lines) : remaining(request, lines);
  if (Array.isArray(plan)) return { problems: plan };
  if (plan.size === 0) return { outcome: { orderId, ok: false, code: 'NOTHING_TO_SHIP', message: `Order #${orderId} has nothing left to ship.` } };
  return { request, byAddress: plan, before: new Set(shipments.map((s) => s.id)) };
}

type Plan = Planned['byAddress'];

function add(plan: Plan, line: ApiLine, quantity: number): void {
  const items = plan.get(line.order_address_id) ?? [];
  items.push({ order_product_id: line.id, quantity });
  plan.set(line.order_address_id, items);
}

/** Everything not yet shipped (nor refunded) on the order's physical lines, or on one address. */
function remaining(request: Parsed, lines: readonly ApiLine[]): Plan {
  const plan: Plan = new Map();
  for (const line of lines) {
    const left = leftToShip(line);
    if (left > 0 && isPhysical(line) && (request.orderAddressId === undefined || line.order_address_id === request.orderAddressId)) add(plan, line, left);
  }
  return plan;
}

/** The requested items, or the sentences that say why they cannot be shipped. */
function checkItems(request: Parsed, lines: readonly ApiLine[]): Plan | string[] {
  const byId = new Map(lines.map((l) => [l.id, l]));
  const wanted = new Map<number, number>();
  for (const item of request.items!) wanted.set(item.orderProductId, (wanted.get(item.orderProductId) ?? 0) + item.quantity);
  const problems: string[] = [];
  const plan: Plan = new Map();
  const order = `Order #${request.orderId}:`;
  for (const [id, quantity] of wanted) {
    const line = byId.get(id);
    const what = line ? (line.sku ? `${line.sku} (${line.name})` : line.name) : '';
    if (!line) problems.push(`${order} it has no line ${id}.`);
    else if (!isPhysical(line)) problems.push(`${order} ${what} is not a physical item.`);
    else if (request.orderAddressId !== undefined && line.order_address_id !== request.orderAddressId) problems.push(`${order} ${what} goes to another address.`);
    else if (quantity > leftToShip(line)) problems.push(`${order} cannot ship ${quantity} of ${what}: only ${leftToShip(line)} left to ship.`);
    else add(plan, line, quantity);
  }
  return problems.length ? problems : plan;
}

async function post(client: BigCommerceClient, planned: Planned): Promise<ShipmentOutcome> {
  const { request } = planned;
  const shipmentIds: number[] = [];
  let recovered = false;
  for (const [addressId, items] of planned.byAddress) {
    const body = {
      order_address_id: addressId, items, tracking_number: request.trackingNumber, shipping_provider: request.shippingProvider,
      tracking_carrier: request.trackingCarrier, comments: request.comments, ...(request.shippingMethod !== undefined ? { shipping_method: request.shippingMethod } : {}),
    };
    try {
      const created = await createWithCheck<{ id: number }>({
        post: async () => idOf((await client.request<unknown>({ method: 'POST', version: 'v2', path: `/orders/${request.orderId}/shipments`, body })).data),
        findExisting: async () => (await shipmentsOf(client, request.orderId)).find((s) => !planned.before.has(s.id) && sameShipment(s, body)) ?? null,
      });
      shipmentIds.push(created.value.id);
      planned.before.add(created.value.id);
      recovered ||= created.outcome === 'recovered';
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const done = shipmentIds.length ? ` (shipment ${shipmentIds.join(', ')} was created for its other address)` : '';
      return { orderId: request.orderId, ok: false, code: (error as { code?: string }).code ?? 'INTERNAL', message: `Order #${request.orderId}: ${message}${done}` };
    }
  }
  return { orderId: request.orderId, ok: true, shipmentIds, recovered };
}

function idOf(data: unknown): { id: number } {
  const id = (data as { id?: unknown } | null)?.id;
  if (typeof id !== 'number') throw new BigCommerceError({ code: 'BAD_RESPONSE', message: 'The store answered a shipment without an id.', method: 'POST', path: '/orders/{id}/shipments' });
  return { id };
}

function sameShipment(s: Shipment, body: { order_address_id: number; items: Array<{ order_product_id: number; quantity: number }>; tracking_number: string }): boolean {
  const key = (items: ReadonlyArray<{ order_product_id: number; quantity: number }>) => items.map((i) => `${i.order_product_id}x${i.quantity}`).sort().join(',');
  return s.order_address_id === body.order_address_id && s.tracking_number === body.tracking_number && key(s.items) === key(body.items);
}

async function pool<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  return out;
}
