import type { Team } from '#shared';
import type { QualificationEvent, QualificationTerms } from './qualification-events.js';

export const QUALIFICATION_STATUSES = ['PROPOSED', 'ACTIVE', 'SUPERSEDED', 'WITHDRAWN'] as const;
export type QualificationStatus = (typeof QUALIFICATION_STATUSES)[number];

export interface QualificationVersionState extends QualificationTerms {
  readonly version: number;
  readonly status: QualificationStatus;
  /** The teams whose leads endorsed this version. */
  readonly endorsedBy: readonly Team[];
}

/** The one agreement of a deployment: every version, oldest first. */
export interface QualificationState {
  readonly versions: readonly QualificationVersionState[];
  /** The version in force; null before the first activation. */
  readonly inForce: number | null;
}

export const initialQualificationState = (): QualificationState => ({ versions: [], inForce: null });

export function evolveQualification(state: QualificationState, event: QualificationEvent): QualificationState {
  switch (event.type) {
    case 'QualificationProposed': {
      const { version, criteria, minimumMet, respondWithinHours, reviewEveryDays, withdraws } = event.data;
      const proposed: QualificationVersionState = { version, criteria, minimumMet, respondWithinHours, reviewEveryDays, status: 'PROPOSED', endorsedBy: [] };
      const versions = state.versions.map((entry) => (entry.version === withdraws ? { ...entry, status: 'WITHDRAWN' as const } : entry));
      return { ...state, versions: [...versions, proposed] };
    }
    case 'QualificationEndorsed': {
      const { version, team } = event.data;
      return withVersion(state, version, (entry) => ({ ...entry, endorsedBy: [...entry.endorsedBy.filter((endorser) => endorser !== team), team] }));
    }
    case 'QualificationActivated': {
      const { version, supersedes } = event.data;
      const superseded = supersedes === null ? state : withVersion(state, supersedes, (entry) => ({ ...entry, status: 'SUPERSEDED' }));
      return { ...withVersion(superseded, version, (entry) => ({ ...entry, status: 'ACTIVE' })), inForce: version };
    }
    case 'QualificationReviewed':
      return state;
  }
}

export function findVersion(state: QualificationState, version: number): QualificationVersionState | null {
  return state.versions.find((entry) => entry.version === version) ?? null;
}

function withVersion(
  state: QualificationState,
  version: number,
  change: (entry: QualificationVersionState) => QualificationVersionState,
): QualificationState {
  return { ...state, versions: state.versions.map((entry) => (entry.version === version ? change(entry) : entry)) };
}

/** What a handoff needs of the version in force: its number and terms. */
export type AgreementSnapshot = QualificationTerms & { readonly version: number };

/** The version in force, as a lead's handoff takes it; null when none is. */
export function agreementInForce(state: QualificationState): AgreementSnapshot | null {
  const entry = state.inForce === null ? null : findVersion(state, state.inForce);
  if (entry === null) return null;
  const { version, criteria, minimumMet, respondWithinHours, reviewEveryDays } = entry;
  return { version, criteria, minimumMet, respondWithinHours, reviewEveryDays };
}

/** A lead meets the agreement when its criteria hold every required one and at least minimumMet. */
export function meetsAgreement(criteriaMet: readonly string[], agreement: QualificationTerms): boolean {
  const met = new Set(criteriaMet);
  const known = agreement.criteria.filter((criterion) => met.has(criterion.code));
  return agreement.criteria.every((criterion) => !criterion.required || met.has(criterion.code)) && known.length >= agreement.minimumMet;
}
