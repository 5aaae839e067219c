import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteDatabase } from '#sqlite';
import { gql } from './support/graphql-client.js';
import { startTestApp, type RunningApp } from './support/test-app.js';
import { teamTokens } from './support/tokens.js';

// Every mutation of the served schema (schema.gql, kept equal to it by schema.e2e-spec.ts) fed
// inputs built from its own types by fast-check: well-formed values, edge values and nonsense,
// for every role. No answer may be a server fault, the process stays up, and both SQLite files
// pass their integrity check afterwards.

const RUNS_PER_MUTATION = 24;
const schema = buildSchema(readFileSync(join(process.cwd(), 'schema.gql'), 'utf8'));

/** Deals and ids the inputs aim at, so some of them reach the deciders instead of NOT_FOUND. */
const KNOWN_IDS = ['fuzz-deal', 'fuzz-goal', 'fuzz-retro', 'LOST_TO_COMPETITOR', 'PRICE'];

const nasty = fc.constantFrom('', ' ', '\u0000', '\u001b[31m', '\r\n', '\u202e', '😀'.repeat(50), "'; DROP TABLE events; --", '<script>', 'x'.repeat(5_000));
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }), nasty);
const instant = fc.oneof(
  fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString()),
  fc.constantFrom('2026-02-30T00:00:00Z', '2026-01-01', 'yesterday', '9999-12-31T23:59:59.999Z', '0000-01-01T00:00:00Z'),
  text,
);
const day = fc.oneof(instant.map((value) => value.slice(0, 10)), fc.constantFrom('2026-02-29', '2026-13-01', '1-1-1'));
const decimal = fc.oneof(
  fc.tuple(fc.integer({ min: -1_000_000, max: 100_000_000 }), fc.integer({ min: 0, max: 999 })).map(([whole, cents]) => `${whole}.${String(cents).padStart(2, '0')}`),
  fc.constantFrom('0', '-0.00', '1e9', 'NaN', '1.005', '１２', '9'.repeat(400), '12.345', '+5.00', ' 5.00'),
  text,
);
const integer = fc.oneof(fc.integer({ min: -5, max: 20 }), fc.constantFrom(2 ** 31 - 1, -(2 ** 31), 0));

/** Values a careful client would send: what gets past the checks to the deciders and permissions. */
const WELL_FORMED = {
  text: fc.stringMatching(/^[A-Za-z][A-Za-z0-9 .,-]{0,30}$/),
  id: fc.constantFrom(...KNOWN_IDS),
  integer: fc.integer({ min: 0, max: 5 }),
  decimal: fc.integer({ min: 1, max: 10_000_000 }).map((cents) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`),
  instant: fc.date({ min: new Date('2025-06-01T00:00:00Z'), max: new Date('2026-06-01T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString()),
};

/** Any value of the type: well-formed ones (a careful client), or edge values and nonsense. */
function valueOf(type: GraphQLInputType, wellFormed: boolean, depth = 0): fc.Arbitrary<unknown> {
  const nullable = !isNonNullType(type);
  const inner = getNullableType(type) as GraphQLInputType;
  const value = ((): fc.Arbitrary<unknown> => {
    if (isListType(inner)) return fc.array(valueOf(inner.ofType as GraphQLInputType, wellFormed, depth + 1), { maxLength: 4 });
    if (isEnumType(inner)) {
      const names = fc.constantFrom(...inner.getValues().map((entry) => entry.name));
      return wellFormed ? names : fc.oneof({ weight: 4, arbitrary: names }, { weight: 1, arbitrary: text });
    }
    if (isInputObjectType(inner)) {
      if (depth > 3) return fc.constant({});
      const fields = Object.values(inner.getFields());
      return fc.record(Object.fromEntries(fields.map((field) => [field.name, valueOf(field.type, wellFormed, depth + 1)])), {
        requiredKeys: fields.filter((field) => isNonNullType(field.type)).map((field) => field.name),
      });
    }
    switch (getNamedType(inner).name) {
      case 'ID':
        return wellFormed ? WELL_FORMED.id : fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...KNOWN_IDS) }, { weight: 1, arbitrary: text });
      case 'Int':
        return wellFormed ? WELL_FORMED.integer : integer;
      case 'Float':
        return fc.double();
      case 'Boolean':
        return fc.boolean();
      case 'Decimal':
        return wellFormed ? WELL_FORMED.decimal : decimal;
      case 'DateTime':
        return wellFormed ? WELL_FORMED.instant : instant;
      case 'Date':
        return wellFormed ? WELL_FORMED.instant.map((value) => value.slice(0, 10)) : day;
      default:
        return wellFormed ? WELL_FORMED.text : text;
    }
  })();
  if (wellFormed) return nullable ? fc.option(value, { nil: null, freq: 4 }) : value;
  // Now and then the wrong kind of value altogether, or null where none is allowed.
  return fc.oneof({ weight: 12, arbitrary: value }, { weight: 1, arbitrary: fc.constantFrom(null, 42, true, [], {}) }, ...(nullable ? [{ weight: 2, arbitrary: fc.constant(null) }] : []));
}

function documentOf(field: GraphQLField<unknown, unknown>): string {
  const variables = field.args.map((argument) => `$${argument.name}: ${argument.type.toString()}`).join(', ');
  const args = field.args.map((argument) => `${argument.name}: $${argument.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `mutation${variables ? ` (${variables})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}

describe('every mutation, fed generated input', () => {
  let app: RunningApp;
  let tokens: Awaited<ReturnType<typeof teamTokens>>;
  const mutations = Object.values(schema.getMutationType()?.getFields() ?? {});
  /** How the answers came out, by first error code ('ok' without one): the inputs must reach past validation. */
  const outcomes = new Map<string, number>();

  beforeAll(async () => {
    app = await startTestApp();
    tokens = await teamTokens();
    const opened = await gql(app.url, 'mutation ($input: OpenDealInput!) { openDeal(input: $input) { id } }', { input: { id: 'fuzz-deal', title: 'Fuzz', account: 'Acme', source: 'SALES', owner: 'sam', amount: '1000.00' } }, tokens.sales);
    expect(opened.errors).toBeUndefined();
  });

  afterAll(async () => app.stop());

  it('covers the whole schema', () => {
    expect(mutations.length).toBeGreaterThan(15);
  });

  it.each(mutations.map((field) => [field.name, field] as const))('%s never answers a server fault', async (_name, field) => {
    const query = documentOf(field);
    const argumentsWith = (wellFormed: boolean) => fc.record(Object.fromEntries(field.args.map((argument) => [argument.name, valueOf(argument.type, wellFormed)])));
    const argumentsOf = fc.oneof(argumentsWith(true), argumentsWith(false));
    const role = fc.constantFrom(...(Object.keys(tokens) as (keyof typeof tokens)[]));
    await fc.assert(
      fc.asyncProperty(argumentsOf, role, async (variables, who) => {
        const response = await gql(app.url, query, variables, tokens[who]);
        expect(response.status).toBeLessThan(500);
        const codes = (response.errors ?? []).map((error) => error.extensions?.['code']);
        expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
        const outcome = String(codes[0] ?? 'ok');
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }),
      { numRuns: RUNS_PER_MUTATION, seed: 20261130 + field.name.length },
    );
  });

  it('reached the deciders and the permissions, not only the input checks', () => {
    expect(outcomes.get('ok') ?? 0).toBeGreaterThan(0);
    expect(outcomes.get('FORBIDDEN') ?? 0).toBeGreaterThan(0);
    expect(outcomes.get('NOT_FOUND') ?? 0).toBeGreaterThan(0);
    expect(outcomes.get('BAD_USER_INPUT') ?? 0).toBeGreaterThan(0);
  });

  it('leaves the service up and both databases whole', async () => {
    const health = await gql(app.url, '{ health { status } }', {}, tokens.revops);
    expect(health.data).toEqual({ health: { status: 'ok' } });
    for (const file of ['events.sqlite', 'read-models.sqlite']) {
      const db = openSqliteDatabase(join(app.dataDir, file), { synchronous: 'FULL' });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        db.close();
      }
    }
  });
});
