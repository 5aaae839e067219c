/**
 * One handoff as the funnel reads it: instants in epoch ms of the server's clock, null when the
 * step never happened. The reader passes every handoff made in the period; what was recorded
 * after asOf is left out here.
 */
export interface HandoffFact {
  readonly agreementVersion: number;
  readonly meetsAgreement: boolean;
  readonly handedOffAtMs: number;
  readonly respondByMs: number;
  readonly response: HandoffResponse | null;
  readonly recycledAtMs: number | null;
  readonly convertedAtMs: number | null;
  /** The converted deal's amount when its latest closure known at asOf is WON; null otherwise. */
  readonly wonAmountMinor: number | null;
}

export interface HandoffResponse {
  readonly outcome: 'ACCEPTED' | 'REJECTED';
  readonly atMs: number;
  /** The reason as cited (REJECTED only); the funnel counts it under its survivor. */
  readonly reasonCode: string | null;
}

export interface RejectionReasonFigure {
  readonly code: string;
  readonly leads: number;
  /** leads / rejected. */
  readonly share: number;
}

export interface VersionFigures {
  readonly version: number;
  readonly handedOff: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly late: number;
  readonly acceptanceRate: number | null;
}

export interface FunnelFigures {
  readonly handedOff: number;
  readonly meetingAgreement: number;
  readonly belowAgreement: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly pending: number;
  readonly recycled: number;
  readonly converted: number;
  readonly won: number;
  readonly wonRevenueMinor: number;
  readonly acceptanceRate: number | null;
  readonly conversionRate: number | null;
  readonly winRate: number | null;
  readonly responseHoursP50: number | null;
  readonly responseHoursP90: number | null;
  readonly late: number;
  readonly lateRate: number | null;
  readonly rejectionReasons: readonly RejectionReasonFigure[];
  readonly byVersion: readonly VersionFigures[];
}

const HOUR_MS = 60 * 60 * 1000;

/** part / whole, or null when there is nothing to divide by. */
export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** The nearest-rank percentile: the ⌈p·n⌉-th smallest value (at least the first); null for none. */
export function nearestRank(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1]!;
}

/** The handoff's response if it was recorded by asOf. */
function responseAsOf(fact: HandoffFact, asOfMs: number): HandoffResponse | null {
  return fact.response !== null && fact.response.atMs <= asOfMs ? fact.response : null;
}

/**
 * Late is sales' side of the ledger: answered after respondBy, or unanswered at asOf with
 * respondBy passed. An answer exactly at respondBy is in time.
 */
export function isLate(fact: HandoffFact, asOfMs: number): boolean {
  const response = responseAsOf(fact, asOfMs);
  return response === null ? asOfMs > fact.respondByMs : response.atMs > fact.respondByMs;
}

/**
 * The lead funnel over the handoffs of a period, as known at asOf (PRODUCT §9). Handoffs made
 * after asOf are not there yet; `resolve` names a rejection reason's survivor after merges.
 */
export function leadFunnel(facts: readonly HandoffFact[], asOfMs: number, resolve: (code: string) => string = (code) => code): FunnelFigures {
  const known = facts.filter((fact) => fact.handedOffAtMs <= asOfMs);
  let meetingAgreement = 0;
  let accepted = 0;
  let rejected = 0;
  let recycled = 0;
  let converted = 0;
  let won = 0;
  let wonRevenueMinor = 0;
  let late = 0;
  const responseHours: number[] = [];
  const reasons = new Map<string, number>();
  const versions = new Map<number, { handedOff: number; accepted: number; rejected: number; late: number }>();

  for (const fact of known) {
    const response = responseAsOf(fact, asOfMs);
    const lateHere = isLate(fact, asOfMs);
    const version = versions.get(fact.agreementVersion) ?? { handedOff: 0, accepted: 0, rejected: 0, late: 0 };
    versions.set(fact.agreementVersion, version);
    version.handedOff += 1;
    if (fact.meetsAgreement) meetingAgreement += 1;
    if (lateHere) {
      late += 1;
      version.late += 1;
    }
    if (response === null) continue;
    responseHours.push((response.atMs - fact.handedOffAtMs) / HOUR_MS);
    if (response.outcome === 'REJECTED') {
      rejected += 1;
      version.rejected += 1;
      if (response.reasonCode !== null) {
        const code = resolve(response.reasonCode);
        reasons.set(code, (reasons.get(code) ?? 0) + 1);
      }
      if (fact.recycledAtMs !== null && fact.recycledAtMs <= asOfMs) recycled += 1;
      continue;
    }
    accepted += 1;
    version.accepted += 1;
    if (fact.convertedAtMs === null || fact.convertedAtMs > asOfMs) continue;
    converted += 1;
    if (fact.wonAmountMinor !== null) {
      won += 1;
      wonRevenueMinor += fact.wonAmountMinor;
    }
  }

  const handedOff = known.length;
  return {
    handedOff,
    meetingAgreement,
    belowAgreement: handedOff - meetingAgreement,
    accepted,
    rejected,
    pending: handedOff - accepted - rejected,
    recycled,
    converted,
    won,
    wonRevenueMinor,
    acceptanceRate: rate(accepted, accepted + rejected),
    conversionRate: rate(converted, handedOff),
    winRate: rate(won, converted),
    responseHoursP50: nearestRank(responseHours, 0.5),
    responseHoursP90: nearestRank(responseHours, 0.9),
    late,
    lateRate: rate(late, handedOff),
    rejectionReasons: [...reasons]
      .map(([code, leads]) => ({ code, leads, share: leads / rejected }))
      .sort((a, b) => b.leads - a.leads || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
    byVersion: [...versions]
      .sort(([a], [b]) => a - b)
      .map(([version, figures]) => ({ version, ...figures, acceptanceRate: rate(figures.accepted, figures.accepted + figures.rejected) })),
  };
}
