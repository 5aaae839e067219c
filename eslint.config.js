// Ordinary lint. The architecture's boundaries are checked by dependency-cruiser
// (.dependency-cruiser.js): ESLint's flat config replaces a rule's options for each matching
// block instead of merging them, so per-lib no-restricted-imports blocks let bad imports through.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', 'reports/**', '.stryker-tmp/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
