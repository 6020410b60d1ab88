import type { ProductImage } from '../../../shared/contract';

/** How to take one image change back. */
export type ImageUndo =
  | { kind: 'delete'; imageId: number; label: string }
  | { kind: 'readd'; image: ProductImage; label: string }
  | { kind: 'thumbnail'; imageId: number; label: string }
  | { kind: 'describe'; imageId: number; description: string; label: string };

const DEPTH = 20;

/**
 * The last image changes of each product, newest last, in memory: the panel's Undo takes them back
 * one at a time while Stockroom runs (a restart forgets them; the store keeps the changes).
 */
export class UndoStacks {
  private readonly stacks = new Map<string, ImageUndo[]>();

  private key(storeId: string, productId: number): string {
    return `${storeId}:${productId}`;
  }

  push(storeId: string, productId: number, step: ImageUndo): void {
    const stack = this.stacks.get(this.key(storeId, productId)) ?? [];
    stack.push(step);
    if (stack.length > DEPTH) stack.shift();
    this.stacks.set(this.key(storeId, productId), stack);
  }

  peek(storeId: string, productId: number): ImageUndo | undefined {
    return this.stacks.get(this.key(storeId, productId))?.at(-1);
  }

  pop(storeId: string, productId: number): void {
    this.stacks.get(this.key(storeId, productId))?.pop();
  }

  /** A removed image came back under a new id: older steps about it now mean the new one. */
  remap(storeId: string, productId: number, from: number, to: number): void {
    const stack = this.stacks.get(this.key(storeId, productId)) ?? [];
    stack.forEach((step, i) => {
      if (step.kind !== 'readd' && step.imageId === from) stack[i] = { ...step, imageId: to };
    });
  }

  forget(storeId: string): void {
    for (const key of [...this.stacks.keys()]) if (key.startsWith(`${storeId}:`)) this.stacks.delete(key);
  }
}
