import type { DomainEvent, Team } from '#shared';

export const QUALIFICATION_EVENT_TYPES = [
  'QualificationProposed',
  'QualificationEndorsed',
  'QualificationActivated',
  'QualificationReviewed',
] as const;

export interface QualificationCriterion {
  /** `[A-Z][A-Z0-9_]{1,49}`, distinct within a version. */
  readonly code: string;
  readonly description: string;
  readonly required: boolean;
}

/** The terms both teams sign: what a qualified lead is, and how soon sales answers one. */
export interface QualificationTerms {
  readonly criteria: readonly QualificationCriterion[];
  /** How many criteria a lead must meet, required ones included. */
  readonly minimumMet: number;
  readonly respondWithinHours: number;
  readonly reviewEveryDays: number;
}

/**
 * Version N+1 of the agreement, PROPOSED. A version still awaiting endorsement is withdrawn by
 * it (`withdraws`): there is one open proposal at a time.
 */
export type QualificationProposed = DomainEvent<
  'QualificationProposed',
  QualificationTerms & {
    readonly version: number;
    readonly proposedBy: string;
    readonly proposedAt: string;
    readonly withdraws: number | null;
  }
>;

export type QualificationEndorsed = DomainEvent<
  'QualificationEndorsed',
  { readonly version: number; readonly team: Team; readonly by: string; readonly at: string }
>;

/**
 * Follows, in the same append, the endorsement that completed both teams' signatures: the version
 * is in force from `at`, and the one in force before (`supersedes`) is not.
 */
export type QualificationActivated = DomainEvent<
  'QualificationActivated',
  { readonly version: number; readonly at: string; readonly supersedes: number | null }
>;

/** The version in force was looked at again and stands. */
export type QualificationReviewed = DomainEvent<
  'QualificationReviewed',
  { readonly version: number; readonly note: string | null; readonly by: string; readonly at: string }
>;

export type QualificationEvent = QualificationProposed | QualificationEndorsed | QualificationActivated | QualificationReviewed;
