import type { z } from 'zod';

export interface MethodSpec<P extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  params: P;
  result: R;
  /** One line for the README's API table and for error messages. */
  summary: string;
}

export function method<P extends z.ZodType, R extends z.ZodType>(
  params: P,
  result: R,
  summary: string,
): MethodSpec<P, R> {
  return { params, result, summary };
}

export interface EventSpec<P extends z.ZodType = z.ZodType> {
  payload: P;
  summary: string;
}

export function event<P extends z.ZodType>(payload: P, summary: string): EventSpec<P> {
  return { payload, summary };
}
