// Jest runs in native ESM mode (see package.json "test:jest"); ts-jest transpiles each file on
// its own and `npm run typecheck` does the whole-program type check once.
/** What every tier shares; `jest.mutation.config.js` builds on it too. */
export const shared = {
  extensionsToTreatAsEsm: ['.ts'],
  testEnvironment: 'node',
  // Files that break the boundary rules on purpose, which test/boundaries/boundaries.spec.ts
  // cruises; and the page, whose component tests Vitest runs (npm run test:web).
  testPathIgnorePatterns: ['/node_modules/', '/boundary-fixtures/', '<rootDir>/apps/web/'],
  // Stryker's sandboxes (a copy of the project, package.json included) while a mutation run works.
  modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp/'],
  moduleNameMapper: {
    '^#api$': '<rootDir>/apps/api/src/index.ts',
    '^#([a-z-]+(?:/[a-z-]+)*)$': '<rootDir>/libs/$1/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
};

/**
 * A tier of tests, with a timeout generous enough that a busy machine, running several times
 * slower, fails no test: waits inside tests (polls, subscriptions, child processes) give up
 * sooner, with their own message. Jest ignores `testTimeout` inside `projects`
 * (jestjs/jest#9759), so test/support/tier-timeout.mjs sets it for each tier.
 */
const tier = (displayName, testMatch, timeoutMs) => ({
  ...shared,
  displayName,
  testMatch: [testMatch],
  globals: { TIER_TIMEOUT_MS: timeoutMs },
  setupFilesAfterEnv: ['<rootDir>/test/support/tier-timeout.mjs'],
});

export default {
  globalSetup: '<rootDir>/test/notices.mjs',
  projects: [
    tier('unit', '<rootDir>/{apps,libs,test,bench}/**/*.spec.ts', 60_000),
    tier('contract', '<rootDir>/{apps,libs,test}/**/*.contract-spec.ts', 120_000),
    tier('int', '<rootDir>/{apps,libs,test}/**/*.int-spec.ts', 120_000),
    tier('e2e', '<rootDir>/test/**/*.e2e-spec.ts', 120_000),
  ],
};
