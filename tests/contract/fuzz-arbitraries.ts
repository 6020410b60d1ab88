import fc from 'fast-check';
import type { z } from 'zod';
import { contract, COPY_FIELDS, EDITABLE_FIELDS, ENTITIES, RETRY_ROWS, SECRET_HEADER, WEBHOOK_SCOPES, type FieldSpec, type MethodName, type ParamsOf } from '../../src/shared/contract';

/**
 * Arbitraries for the contract fuzz test. Valid params are hand-written per method (the schemas'
 * regexes, refinements and the edit allow-list are beyond a generic zod → fast-check mapping), but
 * edit values come from EDITABLE_FIELDS, the same specs the validation reads. The record is typed by
 * MethodName, so a new contract method without an arbitrary fails the type check.
 */
export interface FuzzContext {
  /** Store ids that exist (the demo profiles). */
  storeIds: string[];
  /** A loopback API origin, so no generated call ever leaves this machine. */
  apiOrigin: string;
}

const nonBlank = (max: number) => fc.string({ minLength: 1, maxLength: max }).filter((s) => s.trim().length > 0);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
/** zod's strict objects refuse a key present with the value undefined as well as an unknown key: drop them. */
const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

function valueOf(spec: FieldSpec): fc.Arbitrary<string | number | boolean | null> {
  const base: fc.Arbitrary<string | number | boolean> = (() => {
    switch (spec.kind) {
      case 'money':
      case 'decimal':
        // Money is valid only with at most the store's decimal places (both demo stores: 2).
        return spec.kind === 'money' ? fc.stringMatching(/^\d{1,6}(\.\d{1,2})?$/) : fc.stringMatching(/^\d{1,7}(\.\d{1,4})?$/);
      case 'integer':
        return fc.integer({ min: spec.min, max: spec.max });
      case 'string':
        return fc.string({ minLength: spec.minLength ?? 0, maxLength: Math.min(spec.maxLength ?? 100, 100) });
      case 'boolean':
        return fc.boolean();
      case 'enum':
        return fc.constantFrom(...spec.values);
    }
  })();
  return 'nullable' in spec && spec.nullable ? fc.option(base) : base;
}

/** A valid SKU is not empty and not another row's (main checks both): the demo catalog has no FZ- SKUs. */
const skuArb = fc.stringMatching(/^FZ-[A-Z0-9]{1,20}$/);

const fieldChoices = ENTITIES.flatMap((entity) => Object.entries(EDITABLE_FIELDS[entity]).map(([field, spec]) => ({ entity, field, spec })));

const editArb = fc.constantFrom(...fieldChoices).chain(({ entity, field, spec }) =>
  fc.record({
    entity: fc.constant(entity),
    id: fc.integer({ min: 1, max: 1_000_000 }),
    productId: entity === 'variant' ? optional(fc.integer({ min: 1, max: 1_000_000 })) : fc.constant(undefined),
    field: fc.constant(field),
    from: field === 'sku' ? skuArb : valueOf(spec),
    to: field === 'sku' ? skuArb : valueOf(spec),
  }).map(defined),
);
const editsArb = fc.uniqueArray(editArb, { minLength: 1, maxLength: 5, selector: (e) => `${e.entity}:${e.id}:${e.field}` });
const stagedKeyArb = fc.constantFrom(...fieldChoices).chain(({ entity, field }) => fc.integer({ min: 1, max: 1_000_000 }).map((id) => `${entity}:${id}:${field}`));
/** A SKU no earlier call staged: creates accumulate in a store's staged list, and a taken SKU is refused. */
let skuCount = 0;
const freshSkuArb = skuArb.map((sku) => `${sku}-${(skuCount += 1)}`);
const moneyArb = fc.stringMatching(/^\d{1,5}(\.\d{1,2})?$/);
const newVariantArb = fc.record({
  option_values: fc.constantFrom('S', 'M').map((label) => [{ option_display_name: 'Size', label }]),
  sku: freshSkuArb,
  price: fc.option(moneyArb),
  inventory_level: fc.integer({ min: 0, max: 1000 }),
  bin_picking_number: fc.stringMatching(/^[A-Z0-9-]{0,10}$/),
});
/** Creates with FZ- SKUs (the demo catalog has none) and deletes of ids that mostly do not exist. */
const changeArb: fc.Arbitrary<ParamsOf<'authoring.stage'>['changes'][number]> = fc.oneof(
  fc.record({
    op: fc.constant('createProduct' as const),
    product: fc.record({
      name: fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,40}$/),
      type: fc.constantFrom('physical' as const, 'digital' as const),
      sku: freshSkuArb,
      price: moneyArb,
      weight: moneyArb,
      categories: fc.constant([] as number[]),
      brand_id: fc.constant<number>(0),
      inventory_level: fc.integer({ min: 0, max: 1000 }),
      inventory_tracking: fc.constantFrom('none' as const, 'product' as const),
      is_visible: fc.boolean(),
    }),
    variants: fc.array(newVariantArb, { maxLength: 1 }),
  }),
  fc.record({ op: fc.constant('createVariants' as const), productId: fc.integer({ min: 1, max: 1_000_000 }), variants: fc.array(newVariantArb, { minLength: 1, maxLength: 2 }) }),
  fc.record({ op: fc.constant('deleteProduct' as const), productId: fc.integer({ min: 1, max: 1_000_000 }) }),
  fc.record({ op: fc.constant('deleteVariant' as const), productId: fc.integer({ min: 1, max: 1_000_000 }), variantId: fc.integer({ min: 1, max: 1_000_000 }) }),
);
const jobIdArb = fc.stringMatching(/^[a-z0-9]{1,16}-[0-9a-f]{8}$/);

export function validParams(ctx: FuzzContext): { [M in MethodName]: fc.Arbitrary<ParamsOf<M>> } {
  const storeId = fc.oneof(fc.constantFrom(...ctx.storeIds), fc.stringMatching(/^[a-z0-9-]{1,64}$/));
  const storeHash = fc.stringMatching(/^[a-z0-9]{1,32}$/);
  const token = fc.stringMatching(/^[\x21-\x7e]{8,60}$/);
  const color = fc.stringMatching(/^#[0-9a-f]{6}$/);
  const byStore = fc.record({ storeId });
  const productId = fc.integer({ min: 1, max: 1_000_000 });
  const byJob = fc.record({ jobId: jobIdArb });
  const title = nonBlank(200);
  const keys = optional(fc.array(stagedKeyArb, { minLength: 1, maxLength: 5 }));
  return {
    'app.getInfo': fc.constant({}),
    'stores.list': fc.constant({}),
    'stores.select': fc.record({ id: storeId }),
    'stores.add': fc.record({ name: nonBlank(80), storeHash, token, apiOrigin: fc.constant(ctx.apiOrigin), color: optional(color) }).map(defined),
    'stores.update': fc
      .record({ id: storeId, name: optional(nonBlank(80)), storeHash: optional(storeHash), token: optional(token), apiOrigin: fc.constant(ctx.apiOrigin), color: optional(color) })
      .map(defined),
    // Never the demo profiles: every other method needs a store that is still there.
    'stores.remove': fc.record({ id: fc.stringMatching(/^[a-z0-9-]{1,64}$/).filter((id) => !ctx.storeIds.includes(id)) }),
    'stores.testConnection': fc.record({ id: storeId }),
    'stores.testCredentials': fc.record({ storeHash, token, apiOrigin: fc.constant(ctx.apiOrigin) }),
    'stores.getBudget': fc.record({ id: storeId }),
    'catalog.sync': fc.record({ storeId, mode: optional(fc.constantFrom('refresh' as const, 'full' as const)) }).map(defined),
    'catalog.listProducts': fc
      .record({
        storeId,
        offset: optional(fc.integer({ min: 0, max: 1_000_000 })),
        limit: optional(fc.integer({ min: 1, max: 5000 })),
        ids: optional(fc.array(fc.integer({ min: 1, max: 1_000_000 }), { maxLength: 20 })),
      })
      .map(defined),
    'catalog.listProductColumns': fc
      .record({ storeId, offset: optional(fc.integer({ min: 0, max: 1_000_000 })), limit: optional(fc.integer({ min: 1, max: 50_000 })) })
      .map(defined),
    'catalog.getStatus': byStore,
    'catalog.listNames': byStore,
    'jobs.start': fc.record({ storeId, title, edits: editsArb }),
    'jobs.list': byStore,
    'jobs.get': byJob,
    'jobs.pause': byJob,
    'jobs.resume': byJob,
    'jobs.cancel': byJob,
    'jobs.undo': byJob,
    'jobs.retry': fc.record({ jobId: jobIdArb, rows: optional(fc.constantFrom(...RETRY_ROWS)) }).map(defined),
    'staging.list': byStore,
    'staging.stage': fc.record({ storeId, edits: editsArb }),
    'staging.discard': fc.record({ storeId, keys }).map(defined),
    'staging.apply': fc.record({ storeId, title, keys }).map(defined),
    'picklists.build': fc
      .record({
        storeId,
        statusIds: optional(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 3 })),
        groupByZone: optional(fc.boolean()),
      })
      .chain((p) =>
        p.statusIds ? fc.constant(defined(p)) : optional(fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 5 })).map((orderIds) => defined({ ...p, orderIds })),
      ),
    'picklists.packingSlips': fc
      .record({ storeId, statusIds: optional(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 3 })) })
      .chain((p) =>
        p.statusIds ? fc.constant(defined(p)) : optional(fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 5 })).map((orderIds) => defined({ ...p, orderIds })),
      ),
    // Browser mode and tests have no window to print: both answer BAD_REQUEST with a sentence.
    'print.print': fc.record({ paper: fc.constantFrom('A4' as const, 'Letter' as const) }),
    'print.savePdf': fc.record({ paper: fc.constantFrom('A4' as const, 'Letter' as const), suggestedName: fc.stringMatching(/^[A-Za-z0-9 _-]{1,40}\.pdf$/) }),
    'orders.list': byStore,
    'orders.getStatus': byStore,
    'orders.listStatuses': byStore,
    'orders.refresh': fc.record({ storeId, mode: optional(fc.constantFrom('refresh' as const, 'full' as const)) }).map(defined),
    'orders.get': fc.record({ storeId, orderId: fc.integer({ min: 1, max: 1_000_000 }) }),
    // Order ids far above the demo stores' so no generated call ships a real order.
    'orders.createShipments': fc.record({
      storeId,
      shipments: fc.array(
        fc
          .record({
            orderId: fc.integer({ min: 900_000, max: 1_000_000 }),
            orderAddressId: optional(fc.integer({ min: 1, max: 1_000_000 })),
            items: optional(fc.array(fc.record({ orderProductId: fc.integer({ min: 1, max: 1_000_000 }), quantity: fc.integer({ min: 1, max: 100 }) }), { minLength: 1, maxLength: 3 })),
            trackingNumber: optional(fc.stringMatching(/^[A-Z0-9]{0,50}$/)),
            shippingProvider: optional(fc.constantFrom('', 'ups', 'usps', 'fedex', 'carrier_12')),
            trackingCarrier: optional(fc.constantFrom('', 'dhl', 'ups')),
            comments: optional(fc.string({ maxLength: 100 })),
          })
          .map(defined),
        { minLength: 1, maxLength: 3 },
      ),
    }),
    'webhooks.list': byStore,
    'webhooks.getReceiver': byStore,
    'webhooks.listEvents': byStore,
    'webhooks.create': fc
      .record({
        storeId,
        scope: fc.constantFrom(...WEBHOOK_SCOPES),
        // Loopback only, so no delivery ever leaves this machine.
        destination: optional(fc.constant(`${ctx.apiOrigin}/fuzz-sink`)),
        headers: optional(
          fc.dictionary(
            fc.stringMatching(/^X-[A-Za-z0-9-]{1,20}$/).filter((n) => n.toLowerCase() !== SECRET_HEADER.toLowerCase()),
            fc.stringMatching(/^[\x20-\x7e]{0,40}$/),
            { maxKeys: 3 },
          ),
        ),
      })
      .map(defined),
    'webhooks.update': fc.record({ storeId, id: fc.integer({ min: 1, max: 1_000_000 }), isActive: fc.boolean() }),
    'webhooks.delete': fc.record({ storeId, id: fc.integer({ min: 1, max: 1_000_000 }) }),
    'authoring.list': byStore,
    'authoring.stage': fc.record({ storeId, changes: fc.array(changeArb, { minLength: 1, maxLength: 3 }) }),
    'authoring.discard': fc.record({ storeId, keys: optional(fc.array(fc.constantFrom('delete:product:1', 'new:product:ab12cd34'), { minLength: 1, maxLength: 2 })) }).map(defined),
    'authoring.apply': fc.record({ storeId, title }),
    'authoring.jobs': byStore,
    'authoring.undo': fc.record({ jobId: jobIdArb }),
    'authoring.taxonomy': byStore,
    'images.list': fc.record({ storeId, productId }),
    // Loopback only: the store downloads image_url, and no generated call may leave this machine.
    'images.add': fc.record({ storeId, productId, imageUrl: fc.constantFrom(`${ctx.apiOrigin}/cdn/s-x/products/1/1/a__1.png`, `${ctx.apiOrigin}/missing.jpg`), description: optional(fc.string({ maxLength: 200 })) }).map(defined),
    'images.remove': fc.record({ storeId, productId, imageId: productId }),
    'images.setThumbnail': fc.record({ storeId, productId, imageId: productId }),
    'images.describe': fc.record({ storeId, productId, imageId: productId, description: fc.string({ maxLength: 200 }) }),
    'images.undo': fc.record({ storeId, productId }),
    'webhooks.setPublicUrl': fc.record({ storeId, publicUrl: fc.option(fc.constantFrom('https://hooks.example.com', 'https://fwd.example.org/base'), { nil: null }) }),
    'customers.list': fc
      .record({ storeId, offset: optional(fc.integer({ min: 0, max: 1_000_000 })), limit: optional(fc.integer({ min: 1, max: 50_000 })) })
      .map(defined),
    'customers.getStatus': byStore,
    'customers.sync': fc.record({ storeId, mode: optional(fc.constantFrom('refresh' as const, 'full' as const)) }).map(defined),
    'customers.listGroups': byStore,
    // A fresh email each time (a taken one is the store's VALIDATION, rightly) and no group id (an unknown group is too).
    'customers.create': fc.record({
      storeId,
      customer: fc
        .record({
          first_name: nonBlank(100),
          last_name: nonBlank(100),
          email: fc.stringMatching(/^[a-z0-9]{12,24}@fuzz\.example\.com$/),
          company: optional(fc.string({ maxLength: 255 })),
          phone: optional(fc.string({ maxLength: 50 })),
          accepts_product_review_abandoned_cart_emails: optional(fc.boolean()),
        })
        .map(defined),
    }),
    'customers.createGroup': fc.record({ storeId, name: nonBlank(255) }),
    'customers.renameGroup': fc.record({ storeId, id: fc.integer({ min: 1000, max: 1_000_000 }), name: nonBlank(255) }),
    'customers.deleteGroup': fc.record({ storeId, id: fc.integer({ min: 1000, max: 1_000_000 }) }),
    'compare.matchSkus': fc.record({ storeIds: fc.uniqueArray(storeId, { minLength: 2, maxLength: 4 }), skus: optional(fc.array(skuArb, { minLength: 1, maxLength: 5 })) }).map(defined),
    'compare.copyValues': fc
      .record({
        stores: fc.uniqueArray(storeId, { minLength: 2, maxLength: 2 }),
        skus: fc.array(skuArb, { minLength: 1, maxLength: 5 }),
        fields: fc.uniqueArray(fc.constantFrom(...COPY_FIELDS), { minLength: 1, maxLength: 2 }),
        factor: optional(fc.stringMatching(/^(0|[1-9][0-9]{0,3})\.[0-9]{0,3}[1-9]$/)),
      })
      // Prices between two demo stores (USD and EUR) need a factor: without one the call is refused
      // by the store's currency, not by its shape (and whether main knows it yet is a matter of timing).
      .map(({ stores, factor, ...rest }) => defined({ fromStoreId: stores[0]!, toStoreId: stores[1]!, ...rest, factor: rest.fields.includes('price') ? (factor ?? '1.1') : factor })),
  };
}

const nested = (depth: number): unknown => (depth === 0 ? 'deep' : [nested(depth - 1)]);
/** Own keys named like prototype members, as JSON.parse and structured clone would make them. */
const prototypeKeyed = (): unknown[] => [
  JSON.parse('{"__proto__":{"polluted":1}}'),
  JSON.parse('{"constructor":{"prototype":{"polluted":1}}}'),
  { toString: 1 },
  { valueOf: 1, toString: 1 },
  { toString: { toString: 1 }, valueOf: null },
];

/** A value no params field and no edit value accepts (none is an object, NaN or ≥ 9 levels deep). */
const hostileNonString: fc.Arbitrary<unknown> = fc.oneof(
  // Mostly these: the values that once crashed a check (String() of an object with toString: 1).
  { arbitrary: fc.constantFrom(...prototypeKeyed()), weight: 4 },
  fc.constantFrom(NaN, Infinity, -Infinity),
  fc.integer({ min: 9, max: 40 }).map(nested),
  fc.constantFrom(...prototypeKeyed()).map((v) => [v]),
);
/** Also a huge string: longer than any params field allows (edit values of free-text fields excepted). */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(hostileNonString, fc.integer({ min: 100_000, max: 300_000 }).map((n) => 'x'.repeat(n)));

type Params = Record<string, unknown>;
const shapeOf = (method: MethodName) => (contract[method].params as unknown as z.ZodObject).shape;
const requiredKeys = (method: MethodName) => Object.entries(shapeOf(method)).filter(([, s]) => !s.safeParse(undefined).success).map(([k]) => k);

/** Valid params made invalid: an extra key, a required key gone, a field or an edit's part replaced by a hostile value. */
export function mutation(method: MethodName, valid: fc.Arbitrary<Params>): fc.Arbitrary<Params> {
  const keys = Object.keys(shapeOf(method));
  const required = requiredKeys(method);
  const extraKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf', 'storeHash', 'then'), fc.string({ minLength: 1, maxLength: 20 })).filter((k) => !keys.includes(k));
  const mutations: Array<fc.Arbitrary<Params>> = [
    fc.tuple(valid, extraKey, fc.jsonValue({ maxDepth: 2 })).map(([p, k, v]) => Object.defineProperty({ ...p }, k, { value: v, enumerable: true, writable: true, configurable: true })),
  ];
  if (keys.length > 0) mutations.push(fc.tuple(valid, fc.constantFrom(...keys), hostileValue).map(([p, k, v]) => ({ ...p, [k]: v })));
  if (required.length > 0) {
    mutations.push(fc.tuple(valid, fc.constantFrom(...required)).map(([p, k]) => Object.fromEntries(Object.entries(p).filter(([key]) => key !== k))));
  }
  if (keys.includes('edits')) {
    const part = fc.constantFrom('entity', 'id', 'field', 'productId', 'from', 'to', 'whole');
    // Twice: an edit has more parts to get wrong than the params around it.
    mutations.push(
      fc.tuple(valid, part, hostileValue, hostileNonString).map(([p, k, any, nonString]) => {
        const v = k === 'from' || k === 'to' ? nonString : any;
        const [first, ...rest] = p.edits as Params[];
        return { ...p, edits: [k === 'whole' ? v : { ...first, [k]: v }, ...rest] };
      }),
    );
    mutations.push(
      fc.tuple(valid, part, hostileValue, hostileNonString).map(([p, k, any, nonString]) => {
        const v = k === 'from' || k === 'to' ? nonString : any;
        const [first, ...rest] = p.edits as Params[];
        return { ...p, edits: [k === 'whole' ? v : { ...first, [k]: v }, ...rest] };
      }),
    );
  }
  return fc.oneof(...mutations);
}
