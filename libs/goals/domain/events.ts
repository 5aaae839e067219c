import type { DomainEvent, Team } from '#shared';

export const GOAL_EVENT_TYPES = [
  'SharedGoalProposed',
  'SharedGoalEndorsed',
  'SharedGoalActivated',
  'SharedGoalTargetRevised',
  'SharedGoalClosed',
] as const;

/** The proposal carries the first target; its history entry (from: null) is derived from it. */
export type SharedGoalProposed = DomainEvent<
  'SharedGoalProposed',
  {
    readonly goalId: string;
    readonly name: string;
    /** Calendar dates YYYY-MM-DD; the period covers both days whole (UTC). */
    readonly periodStart: string;
    readonly periodEnd: string;
    readonly targetMinor: number;
    readonly currency: string;
    readonly segment: string | null;
    readonly proposedBy: string;
    readonly proposedAt: string;
  }
>;

export type SharedGoalEndorsed = DomainEvent<
  'SharedGoalEndorsed',
  { readonly goalId: string; readonly team: Team; readonly by: string; readonly at: string }
>;

/** Follows, in the same append, the endorsement that completed both teams' signatures. */
export type SharedGoalActivated = DomainEvent<'SharedGoalActivated', { readonly goalId: string; readonly at: string }>;

/**
 * A new target. Endorsements sign a number, so every revision clears them (listed in
 * `clearedEndorsements`) and leaves the goal PROPOSED until both leads sign the new number.
 */
export type SharedGoalTargetRevised = DomainEvent<
  'SharedGoalTargetRevised',
  {
    readonly goalId: string;
    readonly fromMinor: number;
    readonly toMinor: number;
    readonly reason: string;
    readonly by: string;
    readonly at: string;
    readonly clearedEndorsements: readonly Team[];
  }
>;

export type SharedGoalClosed = DomainEvent<
  'SharedGoalClosed',
  { readonly goalId: string; readonly by: string; readonly at: string }
>;

export type GoalEvent =
  | SharedGoalProposed
  | SharedGoalEndorsed
  | SharedGoalActivated
  | SharedGoalTargetRevised
  | SharedGoalClosed;
