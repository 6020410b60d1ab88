import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { SpecLoader, type Json } from './spec-loader';
import { toJsonSchema } from './to-json-schema';

export const SPEC_FILES = [
  'catalog/products_catalog.v3.yml', 'catalog/product-variants_catalog.v3.yml', 'catalog/product-variant-options_catalog.v3.yml',
  'catalog/categories_catalog.v3.yml', 'catalog/category-trees_catalog.v3.yml', 'catalog/brands_catalog.v3.yml',
  'orders.v2.oas2.yml', 'customers.v3.yml', 'customers.v2.yml', 'webhooks.v3.yml', 'store_information.v2.yml',
];

export interface ResponseSample {
  method: string;
  /** Template with the API generation, e.g. `/v3/catalog/products/{product_id}`. */
  pathTemplate: string;
  status: number;
  body: unknown;
}

export interface ValidationResult {
  /** Whether the spec documents this status for the operation. */
  documented: boolean;
  /** Whether a JSON schema was found and applied. */
  validated: boolean;
  errors: string[];
}

type JsonObject = { [k: string]: Json };
const obj = (v: Json | undefined): JsonObject => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});

/** Validates demo-store responses against the response schemas of the official specs. */
export class SpecValidator {
  readonly loader: SpecLoader;
  private readonly ajv: Ajv;
  private readonly cache = new Map<string, ValidateFunction | null>();

  constructor(specRoot: string) {
    this.loader = new SpecLoader(specRoot);
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    for (const f of ['float', 'double', 'int32', 'int64', 'decimal', 'url', 'email-address']) this.ajv.addFormat(f, true);
  }

  /** Spec file whose server matches the generation and which defines the path+method. */
  findOperation(method: string, pathTemplate: string): { file: string; op: JsonObject } | undefined {
    const [, version, rest] = /^\/(v2|v3)(\/.*)$/.exec(pathTemplate) ?? [];
    if (!version) return undefined;
    for (const f of SPEC_FILES) {
      const file = `reference/${f}`;
      const doc = obj(this.loader.doc(file));
      const servers = JSON.stringify(doc.servers ?? '');
      if (!servers.includes(`/${version}`)) continue;
      const op = obj(obj(obj(doc.paths)[rest])[method.toLowerCase()]);
      if (Object.keys(op).length) return { file, op };
    }
    return undefined;
  }

  validate(sample: ResponseSample): ValidationResult {
    const found = this.findOperation(sample.method, sample.pathTemplate);
    if (!found) return { documented: false, validated: false, errors: [`operation ${sample.method} ${sample.pathTemplate} not in the specs`] };
    const responses = obj(found.op.responses);
    const raw = responses[String(sample.status)] ?? undefined;
    if (raw === undefined) return { documented: false, validated: false, errors: [] };
    const key = `${found.file} ${sample.method} ${sample.pathTemplate} ${sample.status}`;
    let fn = this.cache.get(key);
    if (fn === undefined) {
      const resolved = obj(this.loader.resolve(raw, found.file));
      const content = obj(resolved.content);
      // Only JSON media is checked: a few catalog specs declare 401/400 as `plain/text` strings,
      // while the API (and the facts file) answer JSON; those statuses count as documented only.
      const jsonKey = Object.keys(content).find((k) => k.includes('json'));
      const media = obj(jsonKey ? content[jsonKey] : undefined);
      fn = media.schema ? this.ajv.compile(toJsonSchema(media.schema) as object) : null;
      this.cache.set(key, fn);
    }
    if (!fn) return { documented: true, validated: false, errors: [] };
    const ok = fn(sample.body);
    const errors = ok ? [] : (fn.errors ?? []).slice(0, 10).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
    return { documented: true, validated: true, errors };
  }

  /** All operations (method + spec path) declared in a spec file. */
  operations(file: string): Array<{ method: string; path: string; deprecated: boolean; summary: string }> {
    const doc = obj(this.loader.doc(`reference/${file}`));
    const out: Array<{ method: string; path: string; deprecated: boolean; summary: string }> = [];
    for (const [p, item] of Object.entries(obj(doc.paths))) {
      for (const [m, op] of Object.entries(obj(item))) {
        if (!['get', 'post', 'put', 'delete', 'patch'].includes(m)) continue;
        out.push({ method: m.toUpperCase(), path: p, deprecated: obj(op).deprecated === true, summary: String(obj(op).summary ?? '') });
      }
    }
    return out;
  }
}

/**
 * Validates a delivered webhook payload against `docs/webhooks/callbacks/<scope>.yml`
 * (each file is `{type: object, properties: {<scope>: <payload schema>}}`).
 */
export function validateCallback(validator: SpecValidator, payload: { scope: string }): string[] {
  const file = `docs/webhooks/callbacks/${payload.scope.replace(/\//g, '_')}.yml`;
  const doc = obj(validator.loader.resolve(validator.loader.doc(file), file));
  const schema = obj(obj(doc.properties)[payload.scope]);
  if (!Object.keys(schema).length) return [`no callback schema for ${payload.scope}`];
  const ajv = new Ajv({ strict: false, allErrors: true });
  const fn = ajv.compile(toJsonSchema(schema) as object);
  return fn(payload) ? [] : (fn.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
