import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COVERAGE_FILE, renderCoverage } from './coverage';
import { specRootFor, specsAvailable } from './spec-loader';
import { implementedOperations } from '../routes';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const specRoot = specRootFor(repoRoot);
const haveSpecs = specsAvailable(specRoot);
if (!haveSpecs) console.warn(`[coverage] skipped: official specs not found at ${specRoot}`);

describe.skipIf(!haveSpecs)('docs/spec-coverage.md', () => {
  it('is up to date (regenerate with npx tsx src/demo-store/conformance/coverage.ts)', () => {
    const file = path.join(repoRoot, COVERAGE_FILE);
    expect(existsSync(file), `${COVERAGE_FILE} is missing`).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(renderCoverage(specRoot));
  });

  it('lists every implemented operation as implemented', () => {
    const doc = renderCoverage(specRoot);
    for (const op of implementedOperations()) expect(doc).toContain(`| yes | ${op.method} | \`${op.path}\` |`);
  });
});
