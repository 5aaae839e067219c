import type { Team } from '#shared';
import type { ClosureOutcome, RetrospectiveEvent } from './events.js';

export const RETROSPECTIVE_STATUSES = ['OPEN', 'CONCLUDED'] as const;
export type RetrospectiveStatus = (typeof RETROSPECTIVE_STATUSES)[number];

export interface PerspectiveEntry {
  readonly author: string;
  readonly reasonCodes: readonly string[];
  readonly notes: string | null;
}

export interface ActionItemEntry {
  readonly id: string;
  readonly ownerTeam: Team;
  readonly description: string;
  readonly dueDate: string | null;
  readonly completedAt: string | null;
}

/** What deciding a retrospective's commands reads: nothing more. */
export interface RetrospectiveState {
  readonly id: string;
  readonly dealId: string;
  readonly closure: number;
  readonly outcome: ClosureOutcome;
  readonly status: RetrospectiveStatus;
  /** At most one per team: filing again replaces it. */
  readonly perspectives: Readonly<Partial<Record<Team, PerspectiveEntry>>>;
  /** In the order they were added. */
  readonly actionItems: readonly ActionItemEntry[];
}

/** null until the retrospective is opened. */
export type RetroState = RetrospectiveState | null;

export const initialState = (): RetroState => null;

export function evolve(state: RetroState, event: RetrospectiveEvent): RetroState {
  if (event.type === 'RetrospectiveOpened') {
    const { data } = event;
    return {
      id: data.retrospectiveId,
      dealId: data.dealId,
      closure: data.closure,
      outcome: data.outcome,
      status: 'OPEN',
      perspectives: {},
      actionItems: [],
    };
  }
  // Nothing but an opening starts a retrospective's stream.
  if (state === null) return state;
  switch (event.type) {
    case 'PerspectiveFiled': {
      const { team, author, reasonCodes, notes } = event.data;
      return { ...state, perspectives: { ...state.perspectives, [team]: { author, reasonCodes, notes } } };
    }
    case 'ActionItemAdded': {
      const { actionItemId, ownerTeam, description, dueDate } = event.data;
      return {
        ...state,
        actionItems: [...state.actionItems, { id: actionItemId, ownerTeam, description, dueDate, completedAt: null }],
      };
    }
    case 'ActionItemCompleted': {
      const { actionItemId, completedAt } = event.data;
      return {
        ...state,
        actionItems: state.actionItems.map((item) => (item.id === actionItemId ? { ...item, completedAt } : item)),
      };
    }
    case 'RetrospectiveConcluded':
      return { ...state, status: 'CONCLUDED' };
  }
}
