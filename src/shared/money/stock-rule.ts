import { z } from 'zod';

/**
 * Stock (inventory level) rules. Stock levels are integers, so plain JS integer arithmetic is exact
 * here as long as every input is a safe integer (the schema enforces it).
 *
 * Result = set: amount | add: current + amount (amount may be negative), then clamped to
 * [0, MAX_INVENTORY_LEVEL]. BigCommerce caps inventory at 2,147,483,647 (bigcommerce-facts §6).
 */
export const MAX_INVENTORY_LEVEL = 2_147_483_647;

export const StockRuleSchema = z
  .strictObject({
    kind: z.enum(['set', 'add']),
    amount: z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
  })
  .refine((rule) => rule.kind !== 'set' || rule.amount >= 0, {
    message: 'stock cannot be set to a negative level',
    path: ['amount'],
  });
export type StockRule = z.infer<typeof StockRuleSchema>;

export class StockRuleError extends Error {
  readonly code = 'INVALID_STOCK_RULE' as const;
  constructor(message: string) {
    super(message);
    this.name = 'StockRuleError';
  }
}

export function parseStockRule(input: unknown): StockRule {
  const result = StockRuleSchema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => `${i.path.join('.') || 'rule'}: ${i.message}`);
  throw new StockRuleError(`Invalid stock rule: ${issues.join('; ')}`);
}

/** `current` null means "not tracked yet" and counts as 0. */
export function applyStockRule(current: number | null, rule: StockRule): number {
  const valid = parseStockRule(rule);
  const base = current ?? 0;
  if (!Number.isSafeInteger(base)) {
    throw new StockRuleError(`Current stock must be a whole number, got ${String(current)}`);
  }
  const raw = valid.kind === 'set' ? valid.amount : base + valid.amount;
  return Math.min(MAX_INVENTORY_LEVEL, Math.max(0, raw));
}
