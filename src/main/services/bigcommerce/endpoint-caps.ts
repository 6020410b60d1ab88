/**
 * Per-endpoint concurrency limits. Only limits the documentation states are listed (sources in
 * bigcommerce-facts §2 and perf-recipes §3.3); what the server does when one is exceeded is not
 * documented, so we never find out: the limiter simply doesn't start more than `max` at once.
 */
export interface EndpointCap {
  /** Requests sharing a key share one counter (e.g. GET and PUT on categories). */
  key: string;
  max: number;
  version: 'v2' | 'v3';
  /** Upper-case methods the cap applies to; all methods when omitted. */
  methods?: readonly string[];
  /** Tested against the path relative to the version root, without query: "/customers". */
  pattern: RegExp;
}

export const DEFAULT_ENDPOINT_CAPS: readonly EndpointCap[] = [
  // reference/customers.v3.yml: "Limit of 3 concurrent requests"
  { key: 'v3 PUT /customers', max: 3, version: 'v3', methods: ['PUT'], pattern: /^\/customers\/?$/ },
  // reference/catalog/categories_catalog.v3.yml: "40 concurrent requests" (GET, PUT, DELETE)
  {
    key: 'v3 /catalog/categories',
    max: 40,
    version: 'v3',
    methods: ['GET', 'PUT', 'DELETE'],
    pattern: /^\/catalog\/categories(\/\d+)?\/?$/,
  },
  // reference/catalog/category-trees_catalog.v3.yml: "1 concurrent request"
  {
    key: 'v3 GET /catalog/trees/{id}/categories',
    max: 1,
    version: 'v3',
    methods: ['GET'],
    pattern: /^\/catalog\/trees\/[^/]+\/categories\/?$/,
  },
  // reference/customers.v2.yml: "40 concurrent requests" (GET list, GET by id, DELETE)
  {
    key: 'v2 /customer_groups',
    max: 40,
    version: 'v2',
    methods: ['GET', 'DELETE'],
    pattern: /^\/customer_groups(\/\d+)?\/?$/,
  },
  // Price lists (perf-recipes §3.3): upsert at most 2 concurrent, create 10, cross-list batch 1.
  { key: 'v3 PUT /pricelists/{id}/records', max: 2, version: 'v3', methods: ['PUT'], pattern: /^\/pricelists\/\d+\/records\/?$/ },
  { key: 'v3 POST /pricelists/{id}/records', max: 10, version: 'v3', methods: ['POST'], pattern: /^\/pricelists\/\d+\/records\/?$/ },
  { key: 'v3 PUT /pricelists/records', max: 1, version: 'v3', methods: ['PUT'], pattern: /^\/pricelists\/records\/?$/ },
  // Inventory "Optimizing performance": wait for each adjustment to return before sending the next.
  {
    key: 'v3 /inventory/adjustments',
    max: 1,
    version: 'v3',
    methods: ['PUT', 'POST'],
    pattern: /^\/inventory\/adjustments\/(absolute|relative)\/?$/,
  },
];

export function capsFor(
  caps: readonly EndpointCap[],
  request: { method: string; version: 'v2' | 'v3'; path: string },
): EndpointCap[] {
  const method = request.method.toUpperCase();
  const path = request.path.split('?')[0] ?? '';
  return caps.filter(
    (cap) => cap.version === request.version && (!cap.methods || cap.methods.includes(method)) && cap.pattern.test(path),
  );
}
