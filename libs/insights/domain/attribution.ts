import { DAY_MS, TEAMS, type Team } from '#shared';

export const ATTRIBUTION_MODELS = [
  'SHARED',
  'FIRST_TOUCH',
  'LAST_TOUCH',
  'LINEAR',
  'U_SHAPED',
  'W_SHAPED',
  'TIME_DECAY',
] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];

/** Instants are epoch milliseconds (UTC); money is integer minor units. */
export interface Touch {
  readonly id: string;
  readonly team: Team;
  readonly occurredAt: number;
}

/** What crediting needs of a deal whose latest closure is WON. */
export interface WonDeal {
  readonly amountMinor: bigint;
  /** The team that sourced the deal: it owns the path's creation element. */
  readonly source: Team;
  readonly openedAt: number;
  readonly closedAt: number;
  readonly touches: readonly Touch[];
}

export type PathElement =
  | { readonly kind: 'CREATION'; readonly team: Team; readonly at: number }
  | { readonly kind: 'TOUCH'; readonly team: Team; readonly at: number; readonly touchId: string };

export interface TeamShare {
  /** The team's share of the win, 0 to 1 (1 for both teams under SHARED). */
  readonly wins: number;
  readonly revenueMinor: bigint;
}

export type DealCredit = Readonly<Record<Team, TeamShare>>;

/** One scoreboard row; money in minor units. */
export interface TeamCreditFigures {
  readonly team: Team;
  readonly creditedRevenueMinor: bigint;
  readonly creditedWins: number;
  readonly sourcedRevenueMinor: bigint;
  readonly influencedRevenueMinor: bigint;
}

/**
 * The elements the split models credit: the touches up to the close, plus the creation of the
 * deal by its source team. Ordered by time; at equal times the creation comes first, then
 * touches by id (code-unit order, as a database would compare them).
 */
export function attributionPath(deal: WonDeal): PathElement[] {
  const touches: PathElement[] = deal.touches
    .filter((touch) => touch.occurredAt <= deal.closedAt)
    .map((touch) => ({ kind: 'TOUCH', team: touch.team, at: touch.occurredAt, touchId: touch.id }));
  const creation: PathElement = { kind: 'CREATION', team: deal.source, at: deal.openedAt };
  return [creation, ...touches].sort(byPathOrder);
}

/**
 * Splits one won deal between the teams.
 *
 * Money is exact: each team's quota A × weight / total is floored in minor units, and the minor
 * units left over (fewer than the number of teams) go one each to the teams with the largest
 * remainders, MARKETING first on a tie. So the teams' amounts always add up to A.
 *
 * The positional models (FIRST_TOUCH, LAST_TOUCH, LINEAR, U_SHAPED, W_SHAPED) use integer weights
 * scaled from their percentages, so their splits are exact rationals: 1/3 is 1/3, not
 * 0.333…. TIME_DECAY is irrational by nature; its team weights are doubles, and the money split
 * treats each double as the exact binary fraction it is, so the same shares always give the same
 * cents.
 */
export function creditWonDeal(deal: WonDeal, model: AttributionModel): DealCredit {
  if (model === 'SHARED') {
    return { MARKETING: { wins: 1, revenueMinor: deal.amountMinor }, SALES: { wins: 1, revenueMinor: deal.amountMinor } };
  }
  const path = attributionPath(deal);
  let wins: Record<Team, number>;
  let exactWeights: Record<Team, bigint>;
  if (model === 'TIME_DECAY') {
    const weights = decayTeamWeights(path);
    const total = weights.MARKETING + weights.SALES;
    wins = { MARKETING: weights.MARKETING / total, SALES: weights.SALES / total };
    exactWeights = asCommonBinaryFractions(weights);
  } else {
    exactWeights = positionalTeamWeights(path, model);
    const total = Number(exactWeights.MARKETING + exactWeights.SALES);
    wins = { MARKETING: Number(exactWeights.MARKETING) / total, SALES: Number(exactWeights.SALES) / total };
  }
  const revenue = splitByLargestRemainder(deal.amountMinor, exactWeights);
  return {
    MARKETING: { wins: wins.MARKETING, revenueMinor: revenue.MARKETING },
    SALES: { wins: wins.SALES, revenueMinor: revenue.SALES },
  };
}

/**
 * Credit, sourced and influenced revenue over won deals, one row per team, MARKETING first.
 * creditedWins is a sum of doubles taken in the order given.
 */
export function creditTeams(wonDeals: readonly WonDeal[], model: AttributionModel): TeamCreditFigures[] {
  const rows = TEAMS.map((team) => ({
    team,
    creditedRevenueMinor: 0n,
    creditedWins: 0,
    sourcedRevenueMinor: 0n,
    influencedRevenueMinor: 0n,
  }));
  for (const deal of wonDeals) {
    const credit = creditWonDeal(deal, model);
    for (const row of rows) {
      row.creditedRevenueMinor += credit[row.team].revenueMinor;
      row.creditedWins += credit[row.team].wins;
      if (deal.source === row.team) row.sourcedRevenueMinor += deal.amountMinor;
      if (influencedBy(deal, row.team)) row.influencedRevenueMinor += deal.amountMinor;
    }
  }
  return rows;
}

/** Whether the team touched the deal at or before its close: it influenced the win. */
export function influencedBy(deal: WonDeal, team: Team): boolean {
  return deal.touches.some((touch) => touch.team === team && touch.occurredAt <= deal.closedAt);
}

/**
 * Divides amount in proportion to the weights; the parts add up to amount exactly. Leftover
 * minor units go to the largest remainders, ties in TEAMS order (MARKETING first).
 */
export function splitByLargestRemainder(amountMinor: bigint, weights: Readonly<Record<Team, bigint>>): Record<Team, bigint> {
  if (amountMinor < 0n) throw new RangeError('splitByLargestRemainder: the amount must not be negative');
  const total = TEAMS.reduce((sum, team) => sum + weights[team], 0n);
  if (total <= 0n || TEAMS.some((team) => weights[team] < 0n)) {
    throw new RangeError('splitByLargestRemainder: weights must be non-negative with a positive total');
  }
  const parts = TEAMS.map((team) => {
    const quota = amountMinor * weights[team];
    return { team, floor: quota / total, remainder: quota % total };
  });
  let leftover = amountMinor - parts.reduce((sum, part) => sum + part.floor, 0n);
  // Array.prototype.sort is stable, so equal remainders keep TEAMS order.
  const byRemainder = [...parts].sort((a, b) => (a.remainder === b.remainder ? 0 : a.remainder > b.remainder ? -1 : 1));
  for (const part of byRemainder) {
    if (leftover === 0n) break;
    part.floor += 1n;
    leftover -= 1n;
  }
  return Object.fromEntries(parts.map((part) => [part.team, part.floor])) as Record<Team, bigint>;
}

type PositionalModel = Exclude<AttributionModel, 'SHARED' | 'TIME_DECAY'>;

/**
 * Raw weights times 10 × (number of "rest" elements, at least 1), which makes every weight an
 * integer: U_SHAPED 0.4 / 0.4 / 0.2÷r becomes 4r / 4r / 2 each, W_SHAPED 0.3 / 0.3 / 0.3 / 0.1÷r
 * becomes 3r / 3r / 3r / 1 each. Normalising ignores the common factor. An element in several
 * positions adds up their weights; a model's "rest" share is dropped when there is no rest.
 */
function positionalTeamWeights(path: readonly PathElement[], model: PositionalModel): Record<Team, bigint> {
  const weights = path.map(() => 0n);
  const first = 0;
  const last = path.length - 1;
  const creation = path.findIndex((element) => element.kind === 'CREATION');
  switch (model) {
    case 'FIRST_TOUCH':
      weights[first] += 1n;
      break;
    case 'LAST_TOUCH':
      weights[last] += 1n;
      break;
    case 'LINEAR':
      weights.fill(1n);
      break;
    case 'U_SHAPED':
      spread(weights, [first, last], 4n, 2n);
      break;
    case 'W_SHAPED':
      spread(weights, [first, creation, last], 3n, 1n);
      break;
    default:
      return assertNever(model);
  }
  const byTeam: Record<Team, bigint> = { MARKETING: 0n, SALES: 0n };
  path.forEach((element, index) => {
    byTeam[element.team] += weights[index];
  });
  return byTeam;
}

function spread(weights: bigint[], positions: readonly number[], positionUnits: bigint, restUnits: bigint): void {
  const rest = weights.map((_, index) => index).filter((index) => !positions.includes(index));
  const scale = BigInt(Math.max(rest.length, 1));
  for (const position of positions) weights[position] += positionUnits * scale;
  for (const index of rest) weights[index] += restUnits;
}

/**
 * 2^(−d/7) with d the days from the element to the close. Measured from the latest element
 * instead (a common factor that normalising removes), so the latest weighs 1 and a years-long
 * path cannot underflow to a zero total.
 */
function decayTeamWeights(path: readonly PathElement[]): Record<Team, number> {
  const latest = path.reduce((max, element) => Math.max(max, element.at), -Infinity);
  const byTeam: Record<Team, number> = { MARKETING: 0, SALES: 0 };
  for (const element of path) {
    const days = (latest - element.at) / DAY_MS;
    byTeam[element.team] += 2 ** (-days / 7);
  }
  return byTeam;
}

/** Each double exactly as numerator / 2^k, over one common 2^k. */
function asCommonBinaryFractions(weights: Readonly<Record<Team, number>>): Record<Team, bigint> {
  const fractions = TEAMS.map((team) => ({ team, ...binaryFraction(weights[team]) }));
  const exponent = Math.max(...fractions.map((fraction) => fraction.exponent));
  return Object.fromEntries(
    fractions.map((fraction) => [fraction.team, fraction.numerator << BigInt(exponent - fraction.exponent)]),
  ) as Record<Team, bigint>;
}

function binaryFraction(value: number): { numerator: bigint; exponent: number } {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`Not a finite non-negative weight: ${value}`);
  let scaled = value;
  let exponent = 0;
  // Doubling a finite double is exact; at most 1074 steps reach an integer.
  while (!Number.isInteger(scaled)) {
    scaled *= 2;
    exponent += 1;
  }
  return { numerator: BigInt(scaled), exponent };
}

function byPathOrder(a: PathElement, b: PathElement): number {
  if (a.at !== b.at) return a.at - b.at;
  if (a.kind !== b.kind) return a.kind === 'CREATION' ? -1 : 1;
  if (a.kind === 'TOUCH' && b.kind === 'TOUCH') return a.touchId < b.touchId ? -1 : a.touchId > b.touchId ? 1 : 0;
  return 0;
}

function assertNever(value: never): never {
  throw new Error(`Unknown attribution model ${String(value)}`);
}
