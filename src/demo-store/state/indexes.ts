/** Secondary indexes kept in step with tables through table hooks. */

/** parent id → ascending child ids (e.g. product → variant ids). */
export class ChildIndex {
  private readonly byParent = new Map<number, number[]>();

  add(parentId: number, id: number): void {
    const list = this.byParent.get(parentId);
    if (!list) this.byParent.set(parentId, [id]);
    else if (list.length === 0 || list[list.length - 1] < id) list.push(id);
    else if (!list.includes(id)) {
      list.push(id);
      list.sort((a, b) => a - b);
    }
  }

  remove(parentId: number, id: number): void {
    const list = this.byParent.get(parentId);
    if (!list) return;
    const i = list.indexOf(id);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.byParent.delete(parentId);
  }

  get(parentId: number): readonly number[] {
    return this.byParent.get(parentId) ?? [];
  }

  move(prevParent: number | undefined, parentId: number, id: number): void {
    if (prevParent !== undefined && prevParent !== parentId) this.remove(prevParent, id);
    this.add(parentId, id);
  }
}

export interface SkuOwner {
  kind: 'product' | 'variant';
  id: number;
  productId: number;
}

/**
 * SKU → owners. Products and variants share one namespace; a product and its base variant share
 * a SKU. Owners are packed as numbers (product = -id, variant = +id) because a 100k-product store
 * holds half a million SKUs and per-entry objects would dominate start-up GC time.
 * Keys are upper-cased: SKU uniqueness is case-insensitive ([unverified], MySQL-style collation).
 */
export class SkuIndex {
  private readonly owners = new Map<string, number | number[]>();

  constructor(private readonly productOfVariant: (variantId: number) => number) {}

  add(sku: string, kind: SkuOwner['kind'], id: number): void {
    if (!sku) return;
    const key = sku.toUpperCase();
    const code = kind === 'product' ? -id : id;
    const cur = this.owners.get(key);
    if (cur === undefined) this.owners.set(key, code);
    else if (typeof cur === 'number') {
      if (cur !== code) this.owners.set(key, [cur, code]);
    } else if (!cur.includes(code)) cur.push(code);
  }

  remove(sku: string, kind: SkuOwner['kind'], id: number): void {
    if (!sku) return;
    const key = sku.toUpperCase();
    const code = kind === 'product' ? -id : id;
    const cur = this.owners.get(key);
    if (cur === undefined) return;
    if (typeof cur === 'number') {
      if (cur === code) this.owners.delete(key);
      return;
    }
    const next = cur.filter((c) => c !== code);
    if (next.length === 0) this.owners.delete(key);
    else this.owners.set(key, next.length === 1 ? next[0] : next);
  }

  get(sku: string): SkuOwner[] {
    const cur = this.owners.get(sku.toUpperCase());
    if (cur === undefined) return [];
    return (typeof cur === 'number' ? [cur] : cur).map((c) =>
      c < 0 ? { kind: 'product', id: -c, productId: -c } : { kind: 'variant', id: c, productId: this.productOfVariant(c) });
  }

  /** True when `sku` is used by anything other than product `productId` (and, for variants, other than `variantId`). */
  conflicts(sku: string, productId: number, variantId?: number): boolean {
    return this.get(sku).some((o) => {
      if (o.productId !== productId) return true;
      return variantId !== undefined && o.kind === 'variant' && o.id !== variantId;
    });
  }
}

/** Case-insensitive unique string → id (emails, brand names). */
export class UniqueIndex {
  private readonly map = new Map<string, number>();

  set(key: string, id: number): void {
    this.map.set(key.toLowerCase(), id);
  }

  unset(key: string, id: number): void {
    const k = key.toLowerCase();
    if (this.map.get(k) === id) this.map.delete(k);
  }

  get(key: string): number | undefined {
    return this.map.get(key.toLowerCase());
  }
}
