import { beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseOptions, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

// The project's real boundary rules, run over files that break them on purpose. Each fixture
// sits where the rule it breaks applies, in a boundary-fixtures/ folder that the normal run,
// the build and jest leave out.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE_FOLDER = '/boundary-fixtures/';
/** Cruising the whole tree takes seconds; give a busy machine ample room. */
const TIMEOUT_MS = 120_000;

/** Each bad fixture, and exactly the rules it breaks. */
const BAD_IMPORTS: Record<string, readonly string[]> = {
  'libs/event-store/boundary-fixtures/imports-a-context.ts': ['layer-order'],
  'libs/event-store/boundary-fixtures/climbs-into-a-context.ts': ['layer-order'],
  'libs/event-store/boundary-fixtures/imports-projections.ts': ['layer-order'],
  'libs/projections/boundary-fixtures/imports-a-context.ts': ['layer-order'],
  'libs/shared/application/boundary-fixtures/imports-a-context.ts': ['layer-order'],
  'libs/shared/graphql/boundary-fixtures/imports-its-neighbour.ts': ['layer-order'],
  'libs/shared/domain/boundary-fixtures/imports-the-event-store.ts': ['domain-is-pure', 'layer-order'],
  'libs/reasons/boundary-fixtures/imports-a-higher-context.ts': ['layer-order'],
  'libs/deals/boundary-fixtures/imports-the-tests.ts': ['layer-order'],
  'apps/api/src/boundary-fixtures/imports-the-tests.ts': ['layer-order'],
  'apps/web/boundary-fixtures/imports-a-lib.ts': ['layer-order'],
  'apps/web/boundary-fixtures/imports-the-api.ts': ['layer-order'],
  'libs/insights/boundary-fixtures/imports-the-app.ts': ['no-apps-from-libs'],
  'libs/deals/boundary-fixtures/climbs-into-the-app.ts': ['no-apps-from-libs'],
  'libs/goals/boundary-fixtures/imports-an-inner-file.ts': ['entry-points-only'],
  'libs/goals/boundary-fixtures/imports-an-inner-folder.ts': ['entry-points-only'],
  'libs/shared/application/boundary-fixtures/imports-the-shared-domain-inside.ts': ['entry-points-only'],
  'test/boundary-fixtures/imports-inside-the-app.ts': ['entry-points-only'],
  'apps/api/src/boundary-fixtures/imports-the-page.ts': ['entry-points-only'],
  'bench/boundary-fixtures/imports-the-tests.ts': ['layer-order'],
  'libs/goals/boundary-fixtures/climbs-into-a-lib.ts': ['libs-by-specifier'],
  'test/boundary-fixtures/climbs-into-the-app.ts': ['libs-by-specifier'],
  'libs/deals/domain/boundary-fixtures/imports-its-reader.ts': ['domain-is-pure'],
  'libs/deals/domain/boundary-fixtures/imports-nest.ts': ['domain-is-pure'],
  'libs/deals/domain/boundary-fixtures/imports-another-domain.ts': ['domain-is-pure'],
  'libs/deals/domain/boundary-fixtures/climbs-into-another-domain.ts': ['domain-is-pure', 'entry-points-only'],
  'libs/deals/domain/boundary-fixtures/reads-its-reader.spec.ts': ['domain-tests-are-pure'],
  'libs/projections/boundary-fixtures/imports-better-sqlite3.ts': ['better-sqlite3-in-storage-only'],
  'apps/api/src/boundary-fixtures/imports-better-sqlite3.ts': ['better-sqlite3-in-storage-only'],
  'libs/event-store/sqlite/boundary-fixtures/imports-the-esdb-client.ts': ['esdb-client-in-esdb-only'],
  'libs/deals/boundary-fixtures/imports-the-esdb-client.ts': ['esdb-client-in-esdb-only'],
  'libs/deals/boundary-fixtures/imports-a-missing-file.ts': ['not-to-unresolvable'],
  'libs/boundary-fixtures/not-in-a-layer.ts': ['in-a-layer'],
  'libs/goals/boundary-fixtures/imports-an-undeclared-lib.ts': ['in-a-layer'],
};

/** Two files importing each other: the cycle is reported once, from either end. */
const CYCLE = ['libs/reasons/boundary-fixtures/cycle-a.ts', 'libs/reasons/boundary-fixtures/cycle-b.ts'];

const CLEAN = [
  'libs/goals/boundary-fixtures/clean.ts',
  'libs/deals/domain/boundary-fixtures/clean.ts',
  'libs/deals/domain/boundary-fixtures/clean.spec.ts',
  'libs/event-store/sqlite/boundary-fixtures/clean.ts',
  'libs/event-store/esdb/boundary-fixtures/clean.ts',
  'apps/api/src/boundary-fixtures/clean.ts',
  'apps/web/boundary-fixtures/clean.ts',
  'test/boundary-fixtures/clean.ts',
  'bench/boundary-fixtures/clean.ts',
];

const fixturesOnDisk = (): string[] =>
  ['apps', 'libs', 'test', 'bench']
    .flatMap((top) => readdirSync(join(ROOT, top), { recursive: true, encoding: 'utf8' }).map((path) => `${top}/${path}`))
    .filter((path) => path.includes(FIXTURE_FOLDER) && path.endsWith('.ts'))
    .sort();

const resultOf = async (files: string[], options: ICruiseOptions): Promise<ICruiseResult> => {
  const { output } = await cruise(files, options, {}, { tsConfig: extractTSConfig(join(ROOT, 'tsconfig.json')) });
  if (typeof output === 'string') throw new Error(`expected a cruise result, got a report: ${output}`);
  return output;
};

describe('architecture boundaries (.dependency-cruiser.js)', () => {
  let options: ICruiseOptions;
  let violations: IViolation[];

  const rulesBrokenBy = (...fixtures: string[]): string[] =>
    [...new Set(violations.filter((violation) => fixtures.includes(violation.from)).map((violation) => violation.rule.name))].sort();

  beforeAll(async () => {
    options = {
      ...(await extractDepcruiseOptions(join(ROOT, '.dependency-cruiser.js'))),
      baseDir: ROOT,
      tsConfig: { fileName: join(ROOT, 'tsconfig.json') },
    };
    // Cruise the fixtures (the normal run excludes them) and only the fixtures: the modules they
    // import are read, not followed, so the real tree's own violations stay out of these cases.
    const { exclude: _normalRunExcludesFixtures, ...fixtureOptions } = options;
    const fixtures = await resultOf(fixturesOnDisk(), {
      ...fixtureOptions,
      doNotFollow: { path: ['^node_modules/', `^(?!.*${FIXTURE_FOLDER})`] },
    });
    violations = fixtures.summary.violations;
  }, TIMEOUT_MS);

  it.each(Object.entries(BAD_IMPORTS))('%s breaks %j', (fixture, rules) => {
    expect(rulesBrokenBy(fixture)).toEqual([...rules].sort());
  });

  it('reports a cycle between two files as no-circular', () => {
    expect(rulesBrokenBy(...CYCLE)).toEqual(['no-circular']);
    const cycle = violations.find((violation) => CYCLE.includes(violation.from))?.cycle ?? [];
    expect(cycle.map((step) => step.name).sort()).toEqual(CYCLE);
  });

  it.each(CLEAN)('%s breaks no rule', (fixture) => {
    expect(rulesBrokenBy(fixture)).toEqual([]);
  });

  it('has a case for every fixture and a fixture for every rule', () => {
    expect(fixturesOnDisk()).toEqual([...Object.keys(BAD_IMPORTS), ...CYCLE, ...CLEAN].sort());
    const rules = new Set(options.ruleSet?.forbidden?.map((rule) => rule.name));
    const tested = new Set([...Object.values(BAD_IMPORTS).flat(), 'no-circular']);
    expect([...rules].sort()).toEqual([...tested].sort());
  });

  it(
    'leaves the fixtures out of the normal run, which sees #specifiers land on the TypeScript sources',
    async () => {
      const tree = await resultOf(['apps', 'libs', 'test', 'bench'], options);
      const sources = tree.modules.map((module) => module.source);
      expect(sources).toContain('libs/deals/index.ts');
      expect(sources.filter((source) => source.includes(FIXTURE_FOLDER))).toEqual([]);

      const resolvedBy = (specifier: string) =>
        new Set(tree.modules.flatMap((module) => module.dependencies.filter((dependency) => dependency.module === specifier).map((dependency) => dependency.resolved)));
      expect(resolvedBy('#deals')).toEqual(new Set(['libs/deals/index.ts']));
      expect(resolvedBy('#shared')).toEqual(new Set(['libs/shared/index.ts']));
      expect(resolvedBy('#event-store/sqlite')).toEqual(new Set(['libs/event-store/sqlite/index.ts']));
      expect(resolvedBy('#api')).toEqual(new Set(['apps/api/src/index.ts']));
    },
    TIMEOUT_MS,
  );
});
