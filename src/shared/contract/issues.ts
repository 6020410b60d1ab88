import { z } from 'zod';

/**
 * Refinements over long lists add their first problems as issues and one marker issue counting
 * the rest: zod spends ~5 µs an issue, and 100,000 bad edits made 800,000 of them (4 s blocked).
 * The dispatcher lists the first issues and adds the markers' counts to "and N more".
 */
export const MAX_ISSUES_PER_LIST = 20;

export interface IssueSink {
  add(path: PropertyKey[], message: string): void;
  /** Adds the marker for the problems not added, if any. */
  close(): void;
}

export function issueSink(ctx: z.RefinementCtx, cap = MAX_ISSUES_PER_LIST): IssueSink {
  let added = 0;
  let omitted = 0;
  return {
    add(path, message) {
      if (added >= cap) {
        omitted += 1;
        return;
      }
      added += 1;
      ctx.addIssue({ code: 'custom', path, message });
    },
    close() {
      if (omitted > 0) ctx.addIssue({ code: 'custom', path: [], message: `${omitted} more problems`, params: { omitted } });
    },
  };
}

/** How many problems a marker issue stands for; 0 for an ordinary issue. */
export function omittedBy(issue: z.core.$ZodIssue): number {
  const omitted: unknown = issue.code === 'custom' ? issue.params?.omitted : undefined;
  return typeof omitted === 'number' ? omitted : 0;
}

/**
 * An array whose items are checked by a plain function, with capped issues: zod's own item schema
 * would make one issue per bad item (100,000 bad keys blocked for 3 s). Length is checked first.
 */
export function checkedList<T>(itemProblem: (item: unknown) => string | null, min: number, max: number) {
  return z
    .array(z.unknown())
    .min(min)
    .max(max)
    .superRefine((items, ctx) => {
      if (items.length > max) return;
      const sink = issueSink(ctx);
      items.forEach((item, index) => {
        const problem = itemProblem(item);
        if (problem) sink.add([index], problem);
      });
      sink.close();
    })
    .transform((items) => items as T[]);
}

/** Names a value for a message without calling anything of it (toString, valueOf, getters). */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `"${value.length > 80 ? `${value.slice(0, 80)}…` : value}"`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : `a value of type ${typeof value}`;
}
