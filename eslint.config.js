import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'http', 'https', 'crypto', 'child_process', 'net', 'url', 'stream', 'util'];
const noImports = (patterns, message) => ({ group: patterns, message });

/** Folder names say what a file may import (GUIDE §1); these rules keep it true. */
function boundary(files, groups) {
  return { files, rules: { 'no-restricted-imports': ['error', { patterns: groups }] } };
}

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench-results/**', '**/*.tmp.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    ...reactHooks.configs.flat.recommended,
  },
  boundary(['src/shared/**'], [
    noImports(['electron', ...NODE_BUILTINS], 'src/shared runs anywhere: no electron, no node built-ins.'),
    noImports(['react', 'react-dom', '**/main/**', '**/renderer/**', '**/preload/**'], 'src/shared imports nothing from the hosts or React.'),
  ]),
  boundary(['src/renderer/**'], [
    noImports(['electron', ...NODE_BUILTINS], 'The renderer never touches electron or Node.'),
    noImports(['**/main/**', '**/preload/**', '**/demo-store/**'], 'The renderer talks to main only through the contract.'),
  ]),
  boundary(['src/main/**'], [
    noImports(['electron'], "Only src/main/electron/ and src/main/index.ts may import 'electron'."),
    noImports(['**/renderer/**', 'react', 'react-dom'], 'Main imports nothing from the renderer.'),
  ]),
  { files: ['src/main/electron/**', 'src/main/index.ts'], rules: { 'no-restricted-imports': 'off' } },
  boundary(['src/demo-store/**'], [
    noImports(['electron', '**/renderer/**', '**/preload/**'], 'The demo store is plain Node, independent of the app.'),
    // One exception: main's atomic-write helper, a leaf module of node:fs only, so the demo store has no drifting copy.
    { regex: '(^|/)main/(?!services/fs/atomic-file$)', message: 'The demo store is plain Node, independent of the app.' },
  ]),
  boundary(['src/preload/**'], [noImports(['**/main/**', '**/renderer/**'], 'The preload only needs the shared envelope.')]),
);
