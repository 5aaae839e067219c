// The architecture's boundaries (house style rule 8), checked by dependency-cruiser with no
// exceptions. test/boundaries/boundaries.spec.ts proves that every rule fires on a bad import.

/**
 * The layers, lowest first. A module imports only its own unit and the units of lower layers;
 * units on one line share a layer and do not import each other. A unit that does not exist yet
 * (libs/sqlite, libs/leads) costs nothing until it does. Adding a lib is one line here.
 *
 * apps/web, the page, is lowest of all: it meets the service only over the public GraphQL API
 * (types generated from schema.gql), so it imports no other unit, and nothing imports it.
 */
const LAYERS = [
  ['apps/web'],
  ['libs/shared/domain'],
  ['libs/sqlite'],
  ['libs/event-store'],
  ['libs/projections'],
  ['libs/shared/application', 'libs/shared/graphql'],
  ['libs/identity'],
  ['libs/reasons'],
  ['libs/deals'],
  ['libs/goals'],
  ['libs/retrospectives'],
  ['libs/insights'],
  ['libs/leads'],
  ['apps/api'],
  // The tests and the benchmark harness: both drive the whole service, neither imports the other.
  ['test', 'bench'],
];

/**
 * Where other units may enter a unit; a unit not named here is entered only through its
 * `index.ts` (its `#lib` specifier). An entry point outside the unit's folder belongs to the
 * unit: `#shared` is libs/shared/index.ts, which re-exports the shared domain.
 */
const ENTRY_POINTS = {
  'libs/shared/domain': ['libs/shared/index.ts', 'libs/shared/domain/testing/index.ts'],
  'libs/event-store': ['', 'in-memory/', 'sqlite/', 'esdb/', 'testing/'].map((sub) => `libs/event-store/${sub}index.ts`),
  'libs/projections': ['libs/projections/index.ts', 'libs/projections/testing/index.ts'],
  'apps/api': ['apps/api/src/index.ts'],
  'apps/web': [],
  test: [],
  bench: [],
};

/** Deliberately bad imports that test/boundaries/boundaries.spec.ts feeds to these rules. */
const BOUNDARY_FIXTURES = '/boundary-fixtures/';

/** Tests and their helpers: spec files of every tier, fixtures, and testing/ folders. */
const TEST_SUFFIX = '\\.(?:spec|int-spec|e2e-spec|contract-spec|fixtures)\\.ts$';
const TEST_CODE = `/testing/|${TEST_SUFFIX}`;
// (safe-regex, which dependency-cruiser runs on every rule, takes `(?:.*/)?` for a nested repeat.)
const DOMAIN_TEST_CODE = `^libs/([^/]+)/domain/(?:testing/|.*/testing/|.*${TEST_SUFFIX})`;

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const entriesOf = (unit) => ENTRY_POINTS[unit] ?? [`${unit}/index.ts`];
const filesOf = (unit) => [
  `^${escape(unit)}/`,
  ...entriesOf(unit)
    .filter((entry) => !entry.startsWith(`${unit}/`))
    .map((entry) => `^${escape(entry)}$`),
];
const entryPathsOf = (unit) => entriesOf(unit).map((entry) => `^${escape(entry)}$`);
const isLib = (unit) => unit.startsWith('libs/');

const UNITS = LAYERS.flat();

/** Each unit gets the same three rules; each bad edge between units breaks exactly one of them. */
const unitRules = LAYERS.flatMap((layer, index) =>
  layer.flatMap((unit) => {
    const lower = LAYERS.slice(0, index).flat();
    const notLower = UNITS.filter((other) => other !== unit && !lower.includes(other))
      // A lib reaching into apps/ breaks no-apps-from-libs instead.
      .filter((other) => !(isLib(unit) && other.startsWith('apps/')));
    return [
      notLower.length > 0 && {
        name: 'layer-order',
        comment: `${unit} imports only its own files and lower layers: ${lower.join(', ') || 'none'}.`,
        severity: 'error',
        from: { path: filesOf(unit) },
        to: { path: notLower.flatMap(filesOf) },
      },
      lower.length > 0 && {
        name: 'entry-points-only',
        comment: `${unit} enters another lib only through its public entry points (#lib and the declared sub-entries).`,
        severity: 'error',
        from: { path: filesOf(unit) },
        to: { path: lower.flatMap(filesOf), pathNot: lower.flatMap(entryPathsOf) },
      },
      // (A lower unit that nothing may enter, such as apps/web, adds no specifier to check.)
      lower.flatMap(entryPathsOf).length > 0 && {
        name: 'libs-by-specifier',
        comment: `${unit} imports another lib by its #specifier, never by a relative path.`,
        severity: 'error',
        from: { path: filesOf(unit) },
        to: { path: lower.flatMap(entryPathsOf), dependencyTypesNot: ['aliased-subpath-import'] },
      },
    ].filter(Boolean);
  }),
);

export default {
  forbidden: [
    ...unitRules,
    {
      name: 'no-apps-from-libs',
      comment: 'A lib never imports apps/, neither #api nor by a relative path: only test/ and bench/ import #api.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'in-a-layer',
      comment: 'Every lib and app is a unit of LAYERS, so that every rule here applies to it.',
      severity: 'error',
      from: { path: '^(?:libs|apps)/', pathNot: UNITS.flatMap(filesOf) },
      to: {},
    },
    {
      name: 'in-a-layer',
      comment: 'Every lib and app is a unit of LAYERS, so that every rule here applies to it.',
      severity: 'error',
      from: {},
      to: { path: '^(?:libs|apps)/', pathNot: UNITS.flatMap(filesOf) },
    },
    {
      name: 'domain-is-pure',
      comment: 'A domain imports only its own domain/ folder, #shared and node: built-ins: no packages, no other folder of its lib.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/domain/', pathNot: TEST_CODE },
      to: { pathNot: ['^libs/$1/domain/', '^libs/shared/index\\.ts$'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'domain-tests-are-pure',
      comment: "A domain's tests import what the domain may, plus @jest/globals and #shared/domain/testing.",
      severity: 'error',
      from: { path: DOMAIN_TEST_CODE },
      to: {
        pathNot: ['^libs/$1/domain/', '^libs/shared/index\\.ts$', '^libs/shared/domain/testing/index\\.ts$', '^node_modules/@jest/globals/'],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'better-sqlite3-in-storage-only',
      comment: 'Only libs/event-store and libs/sqlite talk to better-sqlite3.',
      severity: 'error',
      from: { pathNot: '^libs/(?:event-store|sqlite)/' },
      to: { path: '^node_modules/(?:@types/)?better-sqlite3/' },
    },
    {
      name: 'esdb-client-in-esdb-only',
      comment: 'EventStoreDB types stay in libs/event-store/esdb.',
      severity: 'error',
      from: { pathNot: '^libs/event-store/esdb/' },
      to: { path: '^node_modules/@eventstore/db-client/' },
    },
    {
      name: 'no-circular',
      comment: 'No cycles, within a lib or across libs.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve is an error, not a dependency nobody checks.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    exclude: { path: BOUNDARY_FIXTURES },
    doNotFollow: { path: '^node_modules/' },
    // Type-only imports are dependencies too: a domain may not even name a reader's type.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      // `types` makes `#deals` land on libs/deals/index.ts (package.json "imports"); without it
      // the `default` condition points into dist/ and nothing resolves.
      conditionNames: ['types', 'import', 'node', 'default'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
