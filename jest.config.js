// Jest runs in native ESM mode (see package.json "test:jest"); ts-jest transpiles each file on
// its own and `npm run typecheck` does the whole-program type check once.
/** What every tier shares; `jest.mutation.config.js` builds on it too. */
export const shared = {
  extensionsToTreatAsEsm: ['.ts'],
  testEnvironment: 'node',
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

export default {
  globalSetup: '<rootDir>/test/esdb-notice.mjs',
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,test}/**/*.spec.ts'] },
    { ...shared, displayName: 'contract', testMatch: ['<rootDir>/{apps,libs,test}/**/*.contract-spec.ts'] },
    { ...shared, displayName: 'int', testMatch: ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts'] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};
