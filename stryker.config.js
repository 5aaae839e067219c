// Mutation testing of the code that computes what users see: `npm run test:mutation`.
// Reports go to reports/mutation/ (HTML and JSON); the run fails below thresholds.break.
/** The insights formulas (PRODUCT.md §4) and the money they print. */
const NUMBERS = ['libs/insights/domain/*.ts', '!libs/insights/domain/*.spec.ts', 'libs/shared/domain/money.ts'];

/**
 * The deciders: what each command decides, the state (evolve) it decides on, and the parsing that
 * turns the input into the command (amounts into minor units, dates, the field each refusal names).
 */
const DECIDERS = ['deals', 'goals', 'retrospectives'].flatMap((context) => [
  `libs/${context}/domain/decide.ts`,
  `libs/${context}/domain/state.ts`,
  `libs/${context}/domain/commands.ts`,
]);

/**
 * The leads domain (PRODUCT.md §9) joins here once it is built: its decider and state, and the
 * funnel's figures, e.g. 'libs/leads/domain/{decide,state,commands}.ts',
 * 'libs/insights/domain/lead-funnel.ts' (already covered by the insights glob). Its specs in
 * libs/leads/domain/ are picked up by jest.mutation.config.js as they are; guards of its own that
 * only word a message go into test/mutation/message-text-ignorer.js. Listed once the files exist:
 * a pattern that matches nothing makes every run warn.
 */
const LEADS = [];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: [...NUMBERS, ...DECIDERS, ...LEADS],
  // Mutants that only reword an error message are left out of the score, and nothing else:
  // test/mutation/message-text-ignorer.js says exactly which literals that is.
  plugins: ['@stryker-mutator/*', './test/mutation/message-text-ignorer.js'],
  ignorers: ['message-text'],
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'jest.mutation.config.js',
    enableFindRelatedTests: true,
  },
  // Jest runs the specs as native ES modules (as `npm run test:jest` does with NODE_OPTIONS): the
  // flag goes to the test runner processes, where jest runs. Stryker's jest environment still sees
  // every test's coverage there, so perTest works: each mutant runs only the tests that reach it.
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  coverageAnalysis: 'perTest',
  // The checker compiles only the domain folders and their specs (tsconfig.mutation.json): the
  // whole program took twice as long per mutant, for mutants the specs judge anyway.
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutation.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  ignorePatterns: ['/dist', '/data', '/coverage', '/reports'],
  tempDirName: '.stryker-tmp',
  reporters: ['progress', 'clear-text', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 95, low: 90, break: 90 },
};
