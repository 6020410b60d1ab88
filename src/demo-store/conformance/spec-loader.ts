import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

/**
 * Loads the official BigCommerce OpenAPI files from `<repo>/../shared/bigcommerce-openapi` at
 * test time (they are never copied into the project) and resolves `$ref`s, including refs into
 * other files and the raw.githubusercontent.com URLs used by the webhook callback index.
 */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const RAW_DOCS_PREFIX = 'https://raw.githubusercontent.com/bigcommerce/docs/main/';

export function specRootFor(repoRoot: string): string {
  return path.resolve(repoRoot, '../shared/bigcommerce-openapi');
}

export function specsAvailable(root: string): boolean {
  return fs.existsSync(path.join(root, 'reference'));
}

export class SpecLoader {
  private readonly docs = new Map<string, Json>();

  constructor(readonly root: string) {}

  /** Parsed document by path relative to the root (e.g. `reference/webhooks.v3.yml`). */
  doc(rel: string): Json {
    const abs = path.resolve(this.root, rel);
    let d = this.docs.get(abs);
    if (d === undefined) {
      d = YAML.parse(fs.readFileSync(abs, 'utf8'), { maxAliasCount: -1 }) as Json;
      this.docs.set(abs, d);
    }
    return d;
  }

  /** Deep copy of `node` with every `$ref` inlined; recursive refs are cut at `maxDepth`. */
  resolve(node: Json, file: string, depth = 0, seen: string[] = []): Json {
    if (Array.isArray(node)) return node.map((n) => this.resolve(n, file, depth, seen));
    if (node === null || typeof node !== 'object') return node;
    const ref = node.$ref;
    if (typeof ref === 'string') {
      const target = this.locate(ref, file);
      const key = `${target.file}#${target.pointer}`;
      // Recursive schemas (category trees) are cut after a few levels: enough to validate real data.
      if (seen.filter((s) => s === key).length >= 3) return {};
      return this.resolve(target.node, target.file, depth + 1, [...seen, key]);
    }
    const out: { [k: string]: Json } = {};
    for (const [k, v] of Object.entries(node)) out[k] = this.resolve(v, file, depth, seen);
    return out;
  }

  private locate(ref: string, file: string): { node: Json; file: string; pointer: string } {
    const [rawTarget, pointer = ''] = ref.split('#');
    const target = rawTarget.startsWith(RAW_DOCS_PREFIX) ? path.join(this.root, rawTarget.slice(RAW_DOCS_PREFIX.length)) : rawTarget;
    const nextFile = target ? path.resolve(path.dirname(path.resolve(this.root, file)), target) : path.resolve(this.root, file);
    const rel = path.relative(this.root, nextFile);
    let node = this.doc(rel);
    for (const part of pointer.split('/').filter(Boolean)) {
      const key = decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
      if (node === null || typeof node !== 'object' || Array.isArray(node) || !(key in node)) {
        throw new Error(`Unresolvable $ref ${ref} in ${file}`);
      }
      node = node[key];
    }
    return { node, file: rel, pointer };
  }
}
