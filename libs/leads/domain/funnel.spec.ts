import { describe, expect, it } from '@jest/globals';
import { isLate, leadFunnel, nearestRank, rate, type HandoffFact } from './funnel.js';

const HOUR = 60 * 60 * 1000;
const T0 = Date.parse('2026-03-02T09:00:00Z');
const h = (hours: number): number => T0 + hours * HOUR;

/** A handoff at T0 + `at` hours, due 24 hours later, meeting version 1, with no answer. */
function handoff(overrides: Partial<HandoffFact> & { at?: number } = {}): HandoffFact {
  const { at = 0, ...rest } = overrides;
  return {
    agreementVersion: 1,
    meetsAgreement: true,
    handedOffAtMs: h(at),
    respondByMs: h(at + 24),
    response: null,
    recycledAtMs: null,
    convertedAtMs: null,
    wonAmountMinor: null,
    ...rest,
  };
}
const acceptedAt = (hours: number) => ({ outcome: 'ACCEPTED' as const, atMs: h(hours), reasonCode: null });
const rejectedAt = (hours: number, reasonCode = 'NO_BUDGET') => ({ outcome: 'REJECTED' as const, atMs: h(hours), reasonCode });

describe('nearestRank', () => {
  it.each<[number[], number, number | null]>([
    [[], 0.5, null],
    [[7], 0.5, 7],
    [[7], 0.9, 7],
    [[4, 1, 3, 2], 0.5, 2],
    [[4, 1, 3, 2], 0.9, 4],
    [[5, 1, 4, 2, 3], 0.5, 3],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 9],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9, 10],
    [[10, 20], 0, 10],
  ])('of %p at %p is %p: the ⌈p·n⌉-th smallest', (values, p, expected) => {
    expect(nearestRank(values, p)).toBe(expected);
  });
});

describe('rate', () => {
  it.each<[number, number, number | null]>([
    [0, 0, null],
    [3, 0, null],
    [0, 4, 0],
    [1, 4, 0.25],
    [4, 4, 1],
  ])('%p / %p is %p', (part, whole, expected) => {
    expect(rate(part, whole)).toBe(expected);
  });
});

describe('late, pending and overdue at the boundary', () => {
  it.each<[string, HandoffFact, number, boolean]>([
    ['unanswered, asked exactly at respondBy', handoff(), h(24), false],
    ['unanswered, asked a millisecond after respondBy (overdue)', handoff(), h(24) + 1, true],
    ['answered exactly at respondBy', handoff({ response: acceptedAt(24) }), h(100), false],
    ['answered a millisecond after respondBy', handoff({ response: { ...acceptedAt(24), atMs: h(24) + 1 } }), h(100), true],
    ['answered late, asked before the answer but after respondBy', handoff({ response: rejectedAt(30) }), h(26), true],
    ['answered in time, asked before the answer and before respondBy', handoff({ response: acceptedAt(20) }), h(10), false],
  ])('%s', (_case, fact, asOf, late) => {
    expect(isLate(fact, asOf)).toBe(late);
  });

  it('counts an answer recorded after asOf as no answer: pending, and late only once respondBy passed', () => {
    const facts = [handoff({ response: acceptedAt(30) })];
    expect(leadFunnel(facts, h(20))).toMatchObject({ pending: 1, accepted: 0, late: 0, responseHoursP50: null });
    expect(leadFunnel(facts, h(25))).toMatchObject({ pending: 1, accepted: 0, late: 1, lateRate: 1 });
    expect(leadFunnel(facts, h(30))).toMatchObject({ pending: 0, accepted: 1, late: 1, responseHoursP50: 30 });
  });
});

describe('leadFunnel', () => {
  it('is all zeros and nulls over no handoffs', () => {
    expect(leadFunnel([], h(0))).toEqual({
      handedOff: 0,
      meetingAgreement: 0,
      belowAgreement: 0,
      accepted: 0,
      rejected: 0,
      pending: 0,
      recycled: 0,
      converted: 0,
      won: 0,
      wonRevenueMinor: 0,
      acceptanceRate: null,
      conversionRate: null,
      winRate: null,
      responseHoursP50: null,
      responseHoursP90: null,
      late: 0,
      lateRate: null,
      rejectionReasons: [],
      byVersion: [],
    });
  });

  it('leaves out handoffs made after asOf', () => {
    expect(leadFunnel([handoff({ at: 0 }), handoff({ at: 5 })], h(4)).handedOff).toBe(1);
  });

  it('adds up a mixed week: agreement, answers, recycling, conversions, wins and the rates', () => {
    const facts = [
      handoff({ at: 0, response: acceptedAt(2), convertedAtMs: h(3), wonAmountMinor: 1_000_00 }),
      handoff({ at: 0, response: acceptedAt(4), convertedAtMs: h(5) }),
      handoff({ at: 0, meetsAgreement: false, response: acceptedAt(30) }),
      handoff({ at: 1, meetsAgreement: false, response: rejectedAt(7, 'NOT_ICP_FIT'), recycledAtMs: h(8) }),
      handoff({ at: 1, response: rejectedAt(9, 'NO_BUDGET') }),
      handoff({ at: 2, response: rejectedAt(3, 'NO_BUDGET') }),
      handoff({ at: 3 }),
      handoff({ at: 40 }),
    ];
    const figures = leadFunnel(facts, h(50));
    expect(figures).toEqual({
      handedOff: 8,
      meetingAgreement: 6,
      belowAgreement: 2,
      accepted: 3,
      rejected: 3,
      pending: 2,
      recycled: 1,
      converted: 2,
      won: 1,
      wonRevenueMinor: 1_000_00,
      acceptanceRate: 0.5,
      conversionRate: 0.25,
      winRate: 0.5,
      // Response hours 2, 4, 30, 6, 8, 1: sorted 1 2 4 6 8 30; ⌈0.5·6⌉ = 3rd, ⌈0.9·6⌉ = 6th.
      responseHoursP50: 4,
      responseHoursP90: 30,
      // Answered after 24 hours (the third), and unanswered past respondBy at asOf (the seventh).
      late: 2,
      lateRate: 0.25,
      rejectionReasons: [
        { code: 'NO_BUDGET', leads: 2, share: 2 / 3 },
        { code: 'NOT_ICP_FIT', leads: 1, share: 1 / 3 },
      ],
      byVersion: [{ version: 1, handedOff: 8, accepted: 3, rejected: 3, late: 2, acceptanceRate: 0.5 }],
    });
  });

  it('counts recycling, conversion and a won deal only once recorded by asOf', () => {
    const facts = [
      handoff({ response: rejectedAt(1), recycledAtMs: h(10) }),
      handoff({ response: acceptedAt(1), convertedAtMs: h(10), wonAmountMinor: 500 }),
    ];
    expect(leadFunnel(facts, h(9))).toMatchObject({ recycled: 0, converted: 0, won: 0, wonRevenueMinor: 0, winRate: null });
    expect(leadFunnel(facts, h(10))).toMatchObject({ recycled: 1, converted: 1, won: 1, wonRevenueMinor: 500, winRate: 1 });
  });

  it('counts rejection reasons under their survivors, most first, then by code', () => {
    const facts = [
      handoff({ response: rejectedAt(1, 'OLD_FIT') }),
      handoff({ response: rejectedAt(1, 'NOT_ICP_FIT') }),
      handoff({ response: rejectedAt(1, 'NO_NEED') }),
      handoff({ response: rejectedAt(1, 'BAD_CONTACT_DATA') }),
    ];
    const survivors: Record<string, string> = { OLD_FIT: 'NOT_ICP_FIT' };
    expect(leadFunnel(facts, h(2), (code) => survivors[code] ?? code).rejectionReasons).toEqual([
      { code: 'NOT_ICP_FIT', leads: 2, share: 0.5 },
      { code: 'BAD_CONTACT_DATA', leads: 1, share: 0.25 },
      { code: 'NO_NEED', leads: 1, share: 0.25 },
    ]);
  });

  it('splits the figures by agreement version, ascending, with each version’s own acceptance rate', () => {
    const facts = [
      handoff({ agreementVersion: 2, response: acceptedAt(1) }),
      handoff({ agreementVersion: 1, response: rejectedAt(1) }),
      handoff({ agreementVersion: 1, response: acceptedAt(30) }),
      handoff({ agreementVersion: 2 }),
      handoff({ agreementVersion: 3 }),
    ];
    expect(leadFunnel(facts, h(31)).byVersion).toEqual([
      { version: 1, handedOff: 2, accepted: 1, rejected: 1, late: 1, acceptanceRate: 0.5 },
      { version: 2, handedOff: 2, accepted: 1, rejected: 0, late: 1, acceptanceRate: 1 },
      { version: 3, handedOff: 1, accepted: 0, rejected: 0, late: 1, acceptanceRate: null },
    ]);
  });

  it('gives null rates for zero denominators, and 0 where the denominator is not zero', () => {
    const onlyPending = leadFunnel([handoff()], h(1));
    expect(onlyPending).toMatchObject({ acceptanceRate: null, conversionRate: 0, winRate: null, lateRate: 0, responseHoursP50: null });
    const onlyRejected = leadFunnel([handoff({ response: rejectedAt(2) })], h(3));
    expect(onlyRejected).toMatchObject({ acceptanceRate: 0, conversionRate: 0, winRate: null, responseHoursP50: 2, responseHoursP90: 2 });
  });
});
