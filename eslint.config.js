// Lint, and the architecture's boundaries (house style rule 8), checked with no exceptions.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const libs = readdirSync(new URL('./libs/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const DRIVERS = ['better-sqlite3', '@eventstore/db-client'];
const FRAMEWORKS = ['@nestjs/*', 'graphql', 'graphql-ws', '@apollo/*', 'express', 'jose', 'pino'];

/** A relative path that climbs out of one lib into another: contexts meet through `#lib` only. */
const climbingInto = (names) => `^(\\.\\./)+(${names.join('|')})(/|$)`;

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', 'reports/**', '.stryker-tmp/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          paths: DRIVERS.map((name) => ({ name, message: 'Only libs/event-store talks to a storage driver.' })),
          patterns: [
            {
              regex: '^#(?!event-store/(in-memory|sqlite|esdb|testing)$|shared/(graphql|application|domain/testing)$|projections/testing$)[a-z-]+/',
              message: 'Import a lib through its public entry point (#lib), not its inner files.',
            },
            { regex: '^(\\.\\./)+(apps|libs)/', message: 'Import a lib through #lib, never by a relative path.' },
          ],
        },
      ],
    },
  },
  ...libs.map((lib) => ({
    files: [`libs/${lib}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...(lib === 'event-store' || lib === 'sqlite' ? {} : { paths: DRIVERS.map((name) => ({ name, message: 'Only libs/event-store talks to a storage driver.' })) }),
          patterns: [
            {
              regex: climbingInto(libs.filter((other) => other !== lib)),
              message: 'Contexts meet through their index.ts (#lib) or through events, never by a relative path.',
            },
            {
              regex: '^#(?!event-store/(in-memory|sqlite|esdb|testing)$|shared/(graphql|application|domain/testing)$|projections/testing$)[a-z-]+/',
              message: 'Import a lib through its public entry point (#lib), not its inner files.',
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['libs/*/domain/**/*.ts'],
    ignores: ['libs/*/domain/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: DRIVERS.map((name) => ({ name, message: 'The domain is pure: no storage.' })),
          patterns: [
            { group: FRAMEWORKS, message: 'The domain is pure: no Nest, GraphQL or web imports.' },
            {
              regex: '^#(?!shared$)',
              message: 'The domain imports only #shared and its own files.',
            },
            { regex: climbingInto(libs), message: 'The domain imports only #shared and its own files.' },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/event-store/**/*.ts'],
    ignores: ['libs/event-store/esdb/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@eventstore/db-client', message: 'EventStoreDB types stay in libs/event-store/esdb.' }] },
      ],
    },
  },
);
