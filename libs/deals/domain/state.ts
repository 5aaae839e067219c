import type { Team } from '#shared';
import type { ClosureOutcome, DealEvent, DealOpened, DealStage, DealStatus, OpenDealStage } from './events.js';

export interface TouchEntry {
  readonly id: string;
  readonly team: Team;
  readonly channel: string;
  readonly campaign: string | null;
  readonly occurredAt: string;
}

export interface DealClosureSnapshot {
  /** From 1. */
  readonly closure: number;
  readonly outcome: ClosureOutcome;
  readonly closedAt: string;
}

/** What deciding a deal's commands reads: nothing more. */
export interface DealState {
  readonly id: string;
  readonly stage: DealStage;
  readonly status: DealStatus;
  readonly amountMinor: number;
  readonly currency: string;
  readonly expectedCloseDate: string | null;
  readonly openedAt: string;
  /** Set while the deal is WON or LOST. */
  readonly closedAt: string | null;
  /** In the order recorded. */
  readonly touches: readonly TouchEntry[];
  /** How many times the deal was closed, reopenings included. */
  readonly closures: number;
  /** The latest closure, whether it still stands or the deal was reopened since. */
  readonly latestClosure: DealClosureSnapshot | null;
  /** Where a reopening returns to; set while the deal is WON or LOST. */
  readonly stageBeforeClose: OpenDealStage | null;
  /** The deal as opened, before any revision: a repeated open is compared with this. */
  readonly opening: DealOpened['data'];
}

/** null until the deal is opened. */
export type DealStreamState = DealState | null;

export const initialState = (): DealStreamState => null;

export function evolve(state: DealStreamState, event: DealEvent): DealStreamState {
  if (event.type === 'DealOpened') {
    const { data } = event;
    return {
      id: data.dealId,
      stage: 'QUALIFICATION',
      status: 'OPEN',
      amountMinor: data.amountMinor,
      currency: data.currency,
      expectedCloseDate: data.expectedCloseDate,
      openedAt: data.openedAt,
      closedAt: null,
      touches: [],
      closures: 0,
      latestClosure: null,
      stageBeforeClose: null,
      opening: data,
    };
  }
  // Nothing but an opening starts a deal's stream.
  if (state === null) return state;
  switch (event.type) {
    case 'DealTouchRecorded': {
      const { touchId, team, channel, campaign, occurredAt } = event.data;
      return { ...state, touches: [...state.touches, { id: touchId, team, channel, campaign, occurredAt }] };
    }
    case 'DealStageMoved':
      return { ...state, stage: event.data.to };
    case 'DealRevised':
      return { ...state, amountMinor: event.data.amountMinor, expectedCloseDate: event.data.expectedCloseDate };
    case 'DealWon':
    case 'DealLost': {
      const { closure, amountMinor, closedAt, fromStage } = event.data;
      const outcome = event.type === 'DealWon' ? 'WON' : 'LOST';
      return {
        ...state,
        status: outcome,
        stage: 'CLOSED',
        amountMinor,
        closedAt,
        closures: closure,
        latestClosure: { closure, outcome, closedAt },
        stageBeforeClose: fromStage,
      };
    }
    case 'DealReopened':
      return { ...state, status: 'OPEN', stage: event.data.stage, closedAt: null, stageBeforeClose: null };
  }
}

/** What a retrospective needs to know of a deal. */
export interface DealSnapshot {
  readonly id: string;
  readonly status: DealStatus;
  readonly closures: number;
  /** Stays set after a reopening: the closure before it. */
  readonly latestClosure: DealClosureSnapshot | null;
}

/** The deal as other contexts see it; null when it does not exist. */
export function dealSnapshot(state: DealStreamState): DealSnapshot | null {
  if (state === null) return null;
  const { id, status, closures, latestClosure } = state;
  return { id, status, closures, latestClosure };
}
