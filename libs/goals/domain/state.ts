import type { Team } from '#shared';
import type { GoalEvent } from './events.js';

export const GOAL_STATUSES = ['PROPOSED', 'ACTIVE', 'CLOSED'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export interface GoalEndorsementEntry {
  readonly team: Team;
  readonly by: string;
  readonly at: string;
}

export interface GoalTargetEntry {
  /** null for the target set by the proposal. */
  readonly fromMinor: number | null;
  readonly toMinor: number;
  readonly reason: string | null;
  readonly by: string;
  readonly at: string;
}

export interface SharedGoalState {
  readonly id: string;
  readonly name: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly targetMinor: number;
  readonly currency: string;
  readonly segment: string | null;
  readonly status: GoalStatus;
  readonly endorsements: readonly GoalEndorsementEntry[];
  /** Oldest first; the first entry is the proposal's target. */
  readonly targetHistory: readonly GoalTargetEntry[];
  readonly proposedAt: string;
  readonly closedAt: string | null;
}

/** null until the goal is proposed. */
export type GoalState = SharedGoalState | null;

export const initialState = (): GoalState => null;

export function evolve(state: GoalState, event: GoalEvent): GoalState {
  if (event.type === 'SharedGoalProposed') {
    const { data } = event;
    return {
      id: data.goalId,
      name: data.name,
      periodStart: data.periodStart,
      periodEnd: data.periodEnd,
      targetMinor: data.targetMinor,
      currency: data.currency,
      segment: data.segment,
      status: 'PROPOSED',
      endorsements: [],
      targetHistory: [{ fromMinor: null, toMinor: data.targetMinor, reason: null, by: data.proposedBy, at: data.proposedAt }],
      proposedAt: data.proposedAt,
      closedAt: null,
    };
  }
  // Nothing but a proposal starts a goal's stream.
  if (state === null) return state;
  switch (event.type) {
    case 'SharedGoalEndorsed': {
      const { team, by, at } = event.data;
      return { ...state, endorsements: [...state.endorsements.filter((e) => e.team !== team), { team, by, at }] };
    }
    case 'SharedGoalActivated':
      return { ...state, status: 'ACTIVE' };
    case 'SharedGoalTargetRevised': {
      const { fromMinor, toMinor, reason, by, at, clearedEndorsements } = event.data;
      return {
        ...state,
        targetMinor: toMinor,
        status: 'PROPOSED',
        endorsements: state.endorsements.filter((e) => !clearedEndorsements.includes(e.team)),
        targetHistory: [...state.targetHistory, { fromMinor, toMinor, reason, by, at }],
      };
    }
    case 'SharedGoalClosed':
      return { ...state, status: 'CLOSED', closedAt: event.data.at };
  }
}
