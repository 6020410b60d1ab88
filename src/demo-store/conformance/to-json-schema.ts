import type { Json } from './spec-loader';

/**
 * Convert an (already $ref-resolved) OpenAPI 3.0 / Swagger 2 schema into JSON Schema for ajv.
 * - `nullable: true` / `x-nullable: true` → the type also admits null.
 * - OpenAPI 3.0 boolean `exclusiveMinimum/Maximum` → draft-07 numeric form.
 * - `example`/`examples`/`xml`/`discriminator` and vendor keys are dropped.
 * - `oneOf` → `anyOf`: several specs use oneOf with overlapping branches (e.g. an empty
 *   `discount_rules` array matches every branch), which would reject every valid response.
 */
const DROP = new Set(['example', 'examples', 'xml', 'discriminator', 'externalDocs', 'deprecated', 'nullable', 'x-nullable']);

export function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: { [k: string]: Json } = {};
  for (const [k, v] of Object.entries(node)) {
    if (DROP.has(k) || k.startsWith('x-')) continue;
    if (k === 'properties' && v && typeof v === 'object' && !Array.isArray(v)) {
      out.properties = Object.fromEntries(Object.entries(v).map(([pk, pv]) => [pk, toJsonSchema(pv)]));
    } else if (k === 'oneOf') {
      out.anyOf = toJsonSchema(v);
    } else if (k === 'exclusiveMinimum' || k === 'exclusiveMaximum') {
      const bound = node[k === 'exclusiveMinimum' ? 'minimum' : 'maximum'];
      if (v === true && typeof bound === 'number') out[k] = bound;
      else if (typeof v === 'number') out[k] = v;
    } else if (k === 'required' && Array.isArray(v) && v.length === 0) {
      continue;
    } else {
      out[k] = toJsonSchema(v);
    }
  }
  if (out.exclusiveMinimum !== undefined && out.minimum === node.minimum && node.exclusiveMinimum === true) delete out.minimum;
  if (out.exclusiveMaximum !== undefined && out.maximum === node.maximum && node.exclusiveMaximum === true) delete out.maximum;
  if (node.nullable === true || node['x-nullable'] === true) return allowNull(out);
  return out;
}

function allowNull(schema: { [k: string]: Json }): Json {
  if (typeof schema.type === 'string') {
    const s: { [k: string]: Json } = { ...schema, type: [schema.type, 'null'] };
    if (Array.isArray(schema.enum)) s.enum = [...schema.enum, null];
    return s;
  }
  return { anyOf: [schema, { type: 'null' }] };
}
