import type { DomainEvent, Team } from '#shared';

/** A deal's outcome at the closure a retrospective reviews. */
export type ClosureOutcome = 'WON' | 'LOST';

/** Reviews one closure of a deal: `closure` is the deal's closure count at that closure (from 1). */
export type RetrospectiveOpened = DomainEvent<
  'RetrospectiveOpened',
  {
    readonly retrospectiveId: string;
    readonly dealId: string;
    readonly closure: number;
    readonly outcome: ClosureOutcome;
    readonly closedAt: string;
    readonly openedAt: string;
  }
>;

/** Replaces any earlier perspective of the same team. */
export type PerspectiveFiled = DomainEvent<
  'PerspectiveFiled',
  {
    readonly retrospectiveId: string;
    readonly team: Team;
    readonly author: string;
    readonly reasonCodes: readonly string[];
    readonly notes: string | null;
    readonly filedAt: string;
  }
>;

export type ActionItemAdded = DomainEvent<
  'ActionItemAdded',
  {
    readonly retrospectiveId: string;
    readonly actionItemId: string;
    readonly ownerTeam: Team;
    readonly description: string;
    /** A calendar date YYYY-MM-DD. */
    readonly dueDate: string | null;
    readonly addedBy: string;
    readonly addedAt: string;
  }
>;

export type ActionItemCompleted = DomainEvent<
  'ActionItemCompleted',
  { readonly retrospectiveId: string; readonly actionItemId: string; readonly completedBy: string; readonly completedAt: string }
>;

export type RetrospectiveConcluded = DomainEvent<
  'RetrospectiveConcluded',
  {
    readonly retrospectiveId: string;
    readonly agreedReasonCodes: readonly string[];
    readonly summary: string;
    readonly concludedBy: string;
    readonly concludedAt: string;
  }
>;

export type RetrospectiveEvent =
  | RetrospectiveOpened
  | PerspectiveFiled
  | ActionItemAdded
  | ActionItemCompleted
  | RetrospectiveConcluded;
