import type { RateBudget } from '../../../shared/contract';

/**
 * The budget as of `now`. Main reports it when requests answer; between reports the window
 * still rolls over: once `resetAt` has passed the quota is whole again and the next window
 * ends `windowMs` later, so the countdown goes on instead of resting at 0 s.
 */
export function budgetAt(budget: RateBudget, now: number): { left: number | null; resetS: number | null } {
  const { resetAt, windowMs } = budget;
  if (resetAt === null) return { left: budget.left, resetS: null };
  if (now < resetAt) return { left: budget.left, resetS: Math.ceil((resetAt - now) / 1000) };
  if (!windowMs) return { left: budget.left, resetS: 0 };
  const intoWindow = (now - resetAt) % windowMs;
  return { left: budget.quota, resetS: Math.ceil((windowMs - intoWindow) / 1000) };
}
