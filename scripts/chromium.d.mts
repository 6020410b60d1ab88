/** Types for chromium.mjs, so TypeScript benchmarks can launch the same Chromium. */
export function resolveChromium(): Promise<string>;
export const CHROMIUM_ARGS: string[];
