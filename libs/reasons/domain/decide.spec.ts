import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type ActorTeam, type CommandContext } from '#shared';
import { deciderSpec } from '#shared/domain/testing';
import {
  DEFAULT_REASONS,
  reasonDecider,
  type DefineReason,
  type ReasonCategory,
  type ReasonDefined,
  type ReasonEvent,
  type ReasonKind,
} from './index.js';

const now = Date.parse('2026-03-10T12:00:00Z');

function as(team: ActorTeam, lead = false): CommandContext {
  return { actor: { id: `${team.toLowerCase()}-1`, team, lead }, now, correlationId: randomUUID() };
}
const revops = as('REVOPS');
const system: CommandContext = { actor: { id: 'system', team: 'REVOPS', lead: false }, now, correlationId: randomUUID() };
const notRevOps = [as('MARKETING'), as('SALES'), as('EXECUTIVE'), as('MARKETING', true), as('SALES', true)];

const spec = deciderSpec(reasonDecider);

/** A code no other test uses, so each test's catalog stands alone. */
const uniqueCode = (prefix: string): string => `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 12).toUpperCase()}`;

function defined(code: string, kind: ReasonKind = 'LOSS', category: ReasonCategory = 'PRICE', label = 'Budget cut'): ReasonEvent {
  return { type: 'ReasonDefined', data: { code, label, category, kind } };
}
const retired = (code: string): ReasonEvent => ({ type: 'ReasonRetired', data: { code } });
const merged = (from: string, into: string): ReasonEvent => ({ type: 'ReasonsMerged', data: { from, into } });

function definition(code: string, overrides: Partial<DefineReason> = {}): DefineReason {
  return { type: 'DefineReason', code, label: 'Budget cut', category: 'PRICE', kind: 'LOSS', ...overrides };
}
const retire = (code: string) => ({ type: 'RetireReason', code }) as const;
const merge = (from: string, into: string) => ({ type: 'MergeReasons', from, into }) as const;

describe('defineReason', () => {
  it('lets REVOPS define a reason, active and merged into nothing', () => {
    const code = uniqueCode('BUDGET');
    spec.given([]).when(definition(code), revops).then([defined(code)]);
  });

  it('answers the same definition again with no new event', () => {
    const code = uniqueCode('BUDGET');
    spec.given([defined(code)]).when(definition(code), revops).then([]);
  });

  it.each<[string, Partial<DefineReason>]>([
    ['label', { label: 'Budget frozen' }],
    ['category', { category: 'TIMING' }],
    ['kind', { kind: 'WIN' }],
  ])('refuses an existing code with another %s', (_what, overrides) => {
    const code = uniqueCode('BUDGET');
    spec.given([defined(code)]).when(definition(code, overrides), revops).thenThrows('CONFLICT');
  });

  it('refuses to define a retired code again, even identically', () => {
    const code = uniqueCode('BUDGET');
    const survivor = uniqueCode('PRICE');
    spec.given([defined(code), retired(code)]).when(definition(code), revops).thenThrows('CONFLICT');
    spec.given([defined(code), defined(survivor), merged(code, survivor)]).when(definition(code), revops).thenThrows('CONFLICT');
  });

  it.each(notRevOps)('forbids $actor.team (lead: $actor.lead)', (context) => {
    spec.given([]).when(definition(uniqueCode('BUDGET')), context).thenThrows('FORBIDDEN');
  });
});

describe('retireReason', () => {
  it('lets REVOPS retire a reason', () => {
    const code = uniqueCode('BUDGET');
    spec.given([defined(code)]).when(retire(code), revops).then([retired(code)]);
  });

  it('answers retiring a retired or merged reason with no new event', () => {
    const [code, survivor] = [uniqueCode('BUDGET'), uniqueCode('PRICE')];
    spec.given([defined(code), retired(code)]).when(retire(code), revops).then([]);
    spec.given([defined(code), defined(survivor), merged(code, survivor)]).when(retire(code), revops).then([]);
  });

  it('refuses a code not in the catalog', () => {
    spec.given([]).when(retire(uniqueCode('BUDGET')), revops).thenThrows('NOT_FOUND');
  });

  it.each(notRevOps)('forbids $actor.team (lead: $actor.lead)', (context) => {
    const code = uniqueCode('BUDGET');
    spec.given([defined(code)]).when(retire(code), context).thenThrows('FORBIDDEN');
  });
});

describe('mergeReasons', () => {
  it('lets REVOPS merge a reason into another of its kind, retiring it', () => {
    const [from, into] = [uniqueCode('BUDGET'), uniqueCode('PRICE')];
    spec.given([defined(from), defined(into)]).when(merge(from, into), revops).then([merged(from, into)]);
  });

  it('merges a reason retired earlier, so its past citations count under the survivor', () => {
    const [from, into] = [uniqueCode('BUDGET'), uniqueCode('PRICE')];
    spec.given([defined(from), retired(from), defined(into)]).when(merge(from, into), revops).then([merged(from, into)]);
  });

  it('merges into a reason that itself absorbed others, making a chain', () => {
    const [first, second, third] = [uniqueCode('A'), uniqueCode('B'), uniqueCode('C')];
    spec
      .given([defined(first), defined(second), defined(third), merged(first, second)])
      .when(merge(second, third), revops)
      .then([merged(second, third)]);
  });

  it('answers a merge that already happened with no new event, even once the survivor retired', () => {
    const [from, into] = [uniqueCode('BUDGET'), uniqueCode('PRICE')];
    spec.given([defined(from), defined(into), merged(from, into)]).when(merge(from, into), revops).then([]);
    spec.given([defined(from), defined(into), merged(from, into), retired(into)]).when(merge(from, into), revops).then([]);
  });

  it('refuses to merge a reason already merged elsewhere', () => {
    const [from, into, other] = [uniqueCode('BUDGET'), uniqueCode('PRICE'), uniqueCode('COST')];
    spec
      .given([defined(from), defined(into), defined(other), merged(from, into)])
      .when(merge(from, other), revops)
      .thenThrows('CONFLICT');
  });

  it('refuses a reason into itself on into', () => {
    const code = uniqueCode('BUDGET');
    spec.given([defined(code)]).when(merge(code, code), revops).thenThrows('INVALID_INPUT', 'into');
  });

  it('refuses a survivor of the other kind on into', () => {
    const [from, into] = [uniqueCode('BUDGET'), uniqueCode('VALUE')];
    spec.given([defined(from, 'LOSS'), defined(into, 'WIN')]).when(merge(from, into), revops).thenThrows('INVALID_INPUT', 'into');
  });

  it('refuses a retired survivor on into, a merged one included', () => {
    const [from, into, beyond] = [uniqueCode('BUDGET'), uniqueCode('PRICE'), uniqueCode('COST')];
    spec.given([defined(from), defined(into), retired(into)]).when(merge(from, into), revops).thenThrows('INVALID_INPUT', 'into');
    spec
      .given([defined(from), defined(into), defined(beyond), merged(into, beyond)])
      .when(merge(from, into), revops)
      .thenThrows('INVALID_INPUT', 'into');
  });

  it('refuses codes not in the catalog, naming the missing one', () => {
    const [known, unknown] = [uniqueCode('BUDGET'), uniqueCode('GHOST')];
    expect(spec.given([defined(known)]).when(merge(unknown, known), revops).thenThrows('NOT_FOUND').message).toContain(unknown);
    expect(spec.given([defined(known)]).when(merge(known, unknown), revops).thenThrows('NOT_FOUND').message).toContain(unknown);
  });

  it.each(notRevOps)('forbids $actor.team (lead: $actor.lead)', (context) => {
    const [from, into] = [uniqueCode('BUDGET'), uniqueCode('PRICE')];
    spec.given([defined(from), defined(into)]).when(merge(from, into), context).thenThrows('FORBIDDEN');
  });
});

describe('defineDefaultCatalog', () => {
  const seed = { type: 'DefineDefaultCatalog' } as const;
  const defaults = DEFAULT_REASONS.map(({ code, label, category, kind }): ReasonDefined => ({
    type: 'ReasonDefined',
    data: { code, label, category, kind },
  }));

  it('defines the nine LOSS, six WIN and eight REJECTION reasons of a new deployment', () => {
    spec.given([]).when(seed, system).then(defaults);
    const codes = (kind: string) => defaults.filter(({ data }) => data.kind === kind).map(({ data }) => data.code);
    expect(codes('LOSS')).toEqual([
      'PRICE_TOO_HIGH',
      'MISSING_FEATURE',
      'LOST_TO_COMPETITOR',
      'BAD_TIMING',
      'NO_DECISION',
      'WEAK_FOLLOW_UP',
      'POOR_LEAD_FIT',
      'UNCLEAR_VALUE',
      'CHAMPION_LEFT',
    ]);
    expect(codes('WIN')).toEqual([
      'BEST_VALUE',
      'PRODUCT_FIT',
      'STRONG_RELATIONSHIP',
      'TIMELY_FOLLOW_UP',
      'RELEVANT_CONTENT',
      'QUALIFIED_LEAD',
    ]);
    expect(codes('REJECTION')).toEqual([
      'NOT_ICP_FIT',
      'NO_BUDGET',
      'NO_NEED',
      'NOT_DECISION_MAKER',
      'NOT_READY',
      'BAD_CONTACT_DATA',
      'DUPLICATE_LEAD',
      'ALREADY_IN_PIPELINE',
    ]);
    expect(defaults.find(({ data }) => data.code === 'NOT_ICP_FIT')?.data.category).toBe('LEAD_QUALITY');
    expect(defaults.find(({ data }) => data.code === 'NOT_READY')?.data.category).toBe('TIMING');
  });

  it('gives a deployment seeded before the REJECTION kind existed only the REJECTION reasons', () => {
    const earlier = defaults.filter(({ data }) => data.kind !== 'REJECTION');
    spec.given(earlier).when(seed, system).then(defaults.filter(({ data }) => data.kind === 'REJECTION'));
  });

  it('defines nothing again at the next start', () => {
    spec.given(defaults).when(seed, system).then([]);
  });

  it('defines only the defaults still missing, leaving retired, merged and redefined ones as users made them', () => {
    const custom = defined('PRICE_TOO_HIGH', 'LOSS', 'OTHER', 'Too expensive');
    const history = [
      custom,
      defined('BAD_TIMING', 'LOSS', 'TIMING', 'Bad timing'),
      retired('BAD_TIMING'),
      defined('NO_DECISION', 'LOSS', 'NO_DECISION', 'No decision'),
      merged('NO_DECISION', 'PRICE_TOO_HIGH'),
    ];
    spec
      .given(history)
      .when(seed, system)
      .then(defaults.filter((event) => !['PRICE_TOO_HIGH', 'BAD_TIMING', 'NO_DECISION'].includes(event.data.code)));
  });
});
