import type { Team } from '#shared';
import type { ClosureOutcome, DealEvent, DealOpened, DealStage, DealStatus, OpenDealStage } from './events.js';

export interface TouchEntry {
  readonly id: string;
  readonly team: Team;
  readonly channel: string;
  readonly campaign: string | null;
  readonly occurredAt: string;
}

/** One win or loss; kept after a reopening, so the deal's history of outcomes stays whole. */
export interface ClosureEntry {
  /** From 1. */
  readonly closure: number;
  readonly outcome: ClosureOutcome;
  readonly closedAt: string;
  readonly amountMinor: number;
  /** The loss reason; null for a win. */
  readonly reasonCode: string | null;
  readonly competitor: string | null;
  /** When the deal was reopened after this closure; null while it stands. */
  readonly reopenedAt: string | null;
}

export interface DealState {
  readonly id: string;
  readonly title: string;
  readonly account: string;
  readonly segment: string | null;
  readonly source: Team;
  readonly owner: string;
  readonly stage: DealStage;
  readonly status: DealStatus;
  readonly amountMinor: number;
  readonly currency: string;
  readonly expectedCloseDate: string | null;
  readonly openedAt: string;
  /** Set while the deal is WON or LOST. */
  readonly closedAt: string | null;
  /** Set while the deal is LOST. */
  readonly lossReasonCode: string | null;
  readonly competitor: string | null;
  /** In the order recorded. */
  readonly touches: readonly TouchEntry[];
  /** How many times the deal was closed, reopenings included. */
  readonly closures: number;
  /** Oldest first; the last one is the latest closure, whether it still stands or not. */
  readonly closureHistory: readonly ClosureEntry[];
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
      title: data.title,
      account: data.account,
      segment: data.segment,
      source: data.source,
      owner: data.owner,
      stage: 'QUALIFICATION',
      status: 'OPEN',
      amountMinor: data.amountMinor,
      currency: data.currency,
      expectedCloseDate: data.expectedCloseDate,
      openedAt: data.openedAt,
      closedAt: null,
      lossReasonCode: null,
      competitor: null,
      touches: [],
      closures: 0,
      closureHistory: [],
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
    case 'DealWon': {
      const { closure, amountMinor, closedAt, fromStage } = event.data;
      return {
        ...state,
        status: 'WON',
        stage: 'CLOSED',
        amountMinor,
        closedAt,
        lossReasonCode: null,
        competitor: null,
        closures: closure,
        closureHistory: [
          ...state.closureHistory,
          { closure, outcome: 'WON', closedAt, amountMinor, reasonCode: null, competitor: null, reopenedAt: null },
        ],
        stageBeforeClose: fromStage,
      };
    }
    case 'DealLost': {
      const { closure, amountMinor, closedAt, reasonCode, competitor, fromStage } = event.data;
      return {
        ...state,
        status: 'LOST',
        stage: 'CLOSED',
        amountMinor,
        closedAt,
        lossReasonCode: reasonCode,
        competitor,
        closures: closure,
        closureHistory: [
          ...state.closureHistory,
          { closure, outcome: 'LOST', closedAt, amountMinor, reasonCode, competitor, reopenedAt: null },
        ],
        stageBeforeClose: fromStage,
      };
    }
    case 'DealReopened': {
      const { closure, stage, reopenedAt } = event.data;
      return {
        ...state,
        status: 'OPEN',
        stage,
        closedAt: null,
        lossReasonCode: null,
        competitor: null,
        closureHistory: state.closureHistory.map((entry) => (entry.closure === closure ? { ...entry, reopenedAt } : entry)),
        stageBeforeClose: null,
      };
    }
  }
}

export interface DealClosureSnapshot {
  readonly closure: number;
  readonly outcome: ClosureOutcome;
  readonly closedAt: string;
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
  const latest = state.closureHistory.at(-1);
  return {
    id: state.id,
    status: state.status,
    closures: state.closures,
    latestClosure: latest === undefined ? null : { closure: latest.closure, outcome: latest.outcome, closedAt: latest.closedAt },
  };
}
