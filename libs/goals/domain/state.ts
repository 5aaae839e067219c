import type { Team } from '#shared';
import type { GoalEvent } from './events.js';

export const GOAL_STATUSES = ['PROPOSED', 'ACTIVE', 'CLOSED'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** What deciding a goal's commands reads: nothing more. */
export interface SharedGoalState {
  readonly id: string;
  readonly name: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly targetMinor: number;
  /** The target as proposed: a repeated proposal is compared with it, not with a revision. */
  readonly proposedTargetMinor: number;
  readonly currency: string;
  readonly segment: string | null;
  readonly status: GoalStatus;
  /** The teams whose leads endorsed the target in force. */
  readonly endorsedBy: readonly Team[];
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
      proposedTargetMinor: data.targetMinor,
      currency: data.currency,
      segment: data.segment,
      status: 'PROPOSED',
      endorsedBy: [],
    };
  }
  // Nothing but a proposal starts a goal's stream.
  if (state === null) return state;
  switch (event.type) {
    case 'SharedGoalEndorsed': {
      const { team } = event.data;
      return { ...state, endorsedBy: [...state.endorsedBy.filter((endorser) => endorser !== team), team] };
    }
    case 'SharedGoalActivated':
      return { ...state, status: 'ACTIVE' };
    case 'SharedGoalTargetRevised': {
      const { toMinor, clearedEndorsements } = event.data;
      return {
        ...state,
        targetMinor: toMinor,
        status: 'PROPOSED',
        endorsedBy: state.endorsedBy.filter((team) => !clearedEndorsements.includes(team)),
      };
    }
    case 'SharedGoalClosed':
      return { ...state, status: 'CLOSED' };
  }
}
