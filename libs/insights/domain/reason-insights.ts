import { TEAMS, type Team } from '#shared';
import { instantInWindow, previousWindow, type DateWindow } from './date-window.js';

export type ReasonKind = 'LOSS' | 'WIN';
export const TRENDS = ['NEW', 'RISING', 'STEADY', 'FALLING'] as const;
export type Trend = (typeof TRENDS)[number];

export interface TeamPerspective {
  readonly team: Team;
  readonly reasonCodes: readonly string[];
}

/**
 * A deal by its latest closure, with that closure's retrospective (empty lists when none was
 * opened or nothing is filed yet). Codes are as recorded; merges are resolved here.
 */
export interface ClosedDeal {
  readonly dealId: string;
  readonly outcome: 'WON' | 'LOST';
  readonly segment?: string | null;
  readonly amountMinor: bigint;
  /** Epoch milliseconds. */
  readonly closedAt: number;
  readonly competitor?: string | null;
  readonly lossReason?: string | null;
  readonly perspectives: readonly TeamPerspective[];
  readonly agreedReasonCodes: readonly string[];
}

/** A catalog entry as far as merges go. */
export interface ReasonLink {
  readonly code: string;
  readonly mergedInto?: string | null;
}

export interface ReasonInsightsInput {
  readonly kind: ReasonKind;
  readonly window: DateWindow;
  /** Only deals of this segment when given. */
  readonly segment?: string | null;
  /** 2 when not given. */
  readonly minOccurrences?: number;
  /**
   * Closed deals; the report picks those of the kind's outcome and the segment, with closedAt in
   * the window or in the previous window. Others may be passed and are ignored.
   */
  readonly deals: readonly ClosedDeal[];
  readonly reasons: Iterable<ReasonLink>;
}

export interface TeamCitationFigures {
  readonly team: Team;
  readonly perspectives: number;
}

export interface CompetitorTally {
  readonly competitor: string;
  readonly deals: number;
}

export interface ReasonInsightFigures {
  /** The surviving code after merges. */
  readonly code: string;
  readonly deals: number;
  readonly share: number;
  readonly revenueMinor: bigint;
  readonly previousDeals: number;
  readonly trend: Trend;
  readonly recurring: boolean;
  /** MARKETING first. */
  readonly citedBy: readonly TeamCitationFigures[];
  readonly agreement: number | null;
  readonly competitors: readonly CompetitorTally[];
  /** Epoch milliseconds. */
  readonly lastSeenAt: number;
}

export interface ReasonReportFigures {
  readonly kind: ReasonKind;
  readonly from: string;
  readonly to: string;
  readonly segment: string | null;
  /** The population: deals of the kind closed in the window. */
  readonly deals: number;
  readonly revenueMinor: bigint;
  /** Most deals first, then most revenue, then code. */
  readonly reasons: readonly ReasonInsightFigures[];
  readonly recurring: readonly ReasonInsightFigures[];
}

/** A trend moves when the share changes by more than this many (of 1). */
const TREND_THRESHOLD = { numerator: 1n, denominator: 20n } as const;

export const DEFAULT_MIN_OCCURRENCES = 2;

/**
 * Maps a code to the survivor of its merge chain. Merges only go into active reasons, so a cycle
 * means broken data; rather than loop, every code on a cycle resolves to the cycle's smallest
 * code, so all of them still count as one reason.
 */
export function reasonResolver(reasons: Iterable<ReasonLink>): (code: string) => string {
  const next = new Map<string, string>();
  for (const reason of reasons) {
    if (reason.mergedInto !== undefined && reason.mergedInto !== null && reason.mergedInto !== reason.code) {
      next.set(reason.code, reason.mergedInto);
    }
  }
  const resolved = new Map<string, string>();
  return (code) => {
    const known = resolved.get(code);
    if (known !== undefined) return known;
    const chain: string[] = [];
    const seen = new Set<string>();
    let current = code;
    let survivor: string | undefined;
    while (survivor === undefined) {
      const cached = resolved.get(current);
      if (cached !== undefined) {
        survivor = cached;
      } else if (seen.has(current)) {
        const cycle = chain.slice(chain.indexOf(current));
        survivor = cycle.reduce((min, member) => (member < min ? member : min));
      } else {
        seen.add(current);
        chain.push(current);
        const target = next.get(current);
        if (target === undefined) survivor = current;
        else current = target;
      }
    }
    for (const member of chain) resolved.set(member, survivor);
    return survivor;
  };
}

/** The reason codes a deal cites, after merges, each once. */
function citedReasons(deal: ClosedDeal, kind: ReasonKind, resolve: (code: string) => string): Set<string> {
  const cited = new Set<string>();
  if (kind === 'LOSS' && deal.lossReason) cited.add(resolve(deal.lossReason));
  for (const perspective of deal.perspectives) {
    for (const code of perspective.reasonCodes) cited.add(resolve(code));
  }
  for (const code of deal.agreedReasonCodes) cited.add(resolve(code));
  return cited;
}

/**
 * Which reasons keep coming back in the deals of one kind closed in a window, compared with the
 * window of equal length just before it.
 */
export function reasonReport(input: ReasonInsightsInput): ReasonReportFigures {
  const { kind, window } = input;
  const segment = input.segment ?? null;
  const minOccurrences = input.minOccurrences ?? DEFAULT_MIN_OCCURRENCES;
  const resolve = reasonResolver(input.reasons);
  const outcome = kind === 'LOSS' ? 'LOST' : 'WON';
  const candidates = input.deals.filter(
    (deal) => deal.outcome === outcome && (segment === null || (deal.segment ?? null) === segment),
  );
  const population = candidates.filter((deal) => instantInWindow(deal.closedAt, window));
  const before = previousWindow(window);
  const previousPopulation = candidates.filter((deal) => instantInWindow(deal.closedAt, before));

  const previousCounts = new Map<string, number>();
  for (const deal of previousPopulation) {
    for (const code of citedReasons(deal, kind, resolve)) previousCounts.set(code, (previousCounts.get(code) ?? 0) + 1);
  }

  const tallies = new Map<string, Tally>();
  for (const deal of population) {
    const byTeam = perspectivesByTeam(deal, resolve);
    for (const code of citedReasons(deal, kind, resolve)) {
      let tally = tallies.get(code);
      if (tally === undefined) {
        tally = newTally();
        tallies.set(code, tally);
      }
      tally.deals += 1;
      tally.revenueMinor += deal.amountMinor;
      tally.lastSeenAt = Math.max(tally.lastSeenAt, deal.closedAt);
      for (const team of TEAMS) {
        tally.citedBy[team] += byTeam[team].filter((codes) => codes.has(code)).length;
      }
      if (TEAMS.every((team) => byTeam[team].length > 0)) {
        tally.bothTeamsFiled += 1;
        if (TEAMS.every((team) => byTeam[team].some((codes) => codes.has(code)))) tally.bothTeamsCited += 1;
      }
      if (deal.competitor) tally.competitors.set(deal.competitor, (tally.competitors.get(deal.competitor) ?? 0) + 1);
    }
  }

  const reasons = [...tallies.entries()]
    .map(([code, tally]): ReasonInsightFigures => {
      const previousDeals = previousCounts.get(code) ?? 0;
      return {
        code,
        deals: tally.deals,
        share: tally.deals / population.length,
        revenueMinor: tally.revenueMinor,
        previousDeals,
        trend: trendOf(tally.deals, population.length, previousDeals, previousPopulation.length),
        recurring: tally.deals >= minOccurrences,
        citedBy: TEAMS.map((team) => ({ team, perspectives: tally.citedBy[team] })),
        agreement: tally.bothTeamsFiled === 0 ? null : tally.bothTeamsCited / tally.bothTeamsFiled,
        competitors: [...tally.competitors.entries()]
          .map(([competitor, deals]) => ({ competitor, deals }))
          .sort((a, b) => b.deals - a.deals || compareCodeUnits(a.competitor, b.competitor)),
        lastSeenAt: tally.lastSeenAt,
      };
    })
    .sort(
      (a, b) =>
        b.deals - a.deals ||
        (a.revenueMinor === b.revenueMinor ? 0 : a.revenueMinor > b.revenueMinor ? -1 : 1) ||
        compareCodeUnits(a.code, b.code),
    );

  return {
    kind,
    from: window.from,
    to: window.to,
    segment,
    deals: population.length,
    revenueMinor: population.reduce((total, deal) => total + deal.amountMinor, 0n),
    reasons,
    recurring: reasons.filter((reason) => reason.recurring),
  };
}

/**
 * NEW when the previous window had no citing deal (which covers an empty previous window).
 * Otherwise the shares are compared exactly, as fractions, so a change of exactly 0.05 is STEADY
 * whatever the floating-point rounding of the two shares.
 */
export function trendOf(deals: number, population: number, previousDeals: number, previousPopulation: number): Trend {
  if (previousDeals === 0) return 'NEW';
  // share − previousShare = change / (population × previousPopulation)
  const change = BigInt(deals) * BigInt(previousPopulation) - BigInt(previousDeals) * BigInt(population);
  const scale = BigInt(population) * BigInt(previousPopulation);
  const threshold = scale * TREND_THRESHOLD.numerator;
  if (change * TREND_THRESHOLD.denominator > threshold) return 'RISING';
  if (change * TREND_THRESHOLD.denominator < -threshold) return 'FALLING';
  return 'STEADY';
}

interface Tally {
  deals: number;
  revenueMinor: bigint;
  lastSeenAt: number;
  citedBy: Record<Team, number>;
  bothTeamsFiled: number;
  bothTeamsCited: number;
  competitors: Map<string, number>;
}

function newTally(): Tally {
  return {
    deals: 0,
    revenueMinor: 0n,
    lastSeenAt: -Infinity,
    citedBy: { MARKETING: 0, SALES: 0 },
    bothTeamsFiled: 0,
    bothTeamsCited: 0,
    competitors: new Map(),
  };
}

/** Each perspective's codes after merges, so two codes merged into one count once. */
function perspectivesByTeam(deal: ClosedDeal, resolve: (code: string) => string): Record<Team, Set<string>[]> {
  const byTeam: Record<Team, Set<string>[]> = { MARKETING: [], SALES: [] };
  for (const perspective of deal.perspectives) {
    byTeam[perspective.team].push(new Set(perspective.reasonCodes.map(resolve)));
  }
  return byTeam;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
