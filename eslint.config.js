// Ordinary lint. The architecture's boundaries are checked by dependency-cruiser
// (.dependency-cruiser.js): ESLint's flat config replaces a rule's options for each matching
// block instead of merging them, so per-lib no-restricted-imports blocks let bad imports through.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'data/**',
      'reports/**',
      'test-output/**',
      '.stryker-tmp/**',
      '**/*.js',
      '**/*.mjs',
      // Written by graphql-codegen from schema.gql (npm run codegen), checked by npm run typecheck.
      'apps/web/src/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // A warning is a finding nobody reads: the page's hooks keep every rule.
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
