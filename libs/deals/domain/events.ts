import type { DomainEvent, Team } from '#shared';

/** The stages an open deal moves through, in their usual order. */
export const OPEN_DEAL_STAGES = ['QUALIFICATION', 'DISCOVERY', 'PROPOSAL', 'NEGOTIATION'] as const;
export type OpenDealStage = (typeof OPEN_DEAL_STAGES)[number];

/** CLOSED is where winning or losing puts a deal; no command moves it there directly. */
export const DEAL_STAGES = [...OPEN_DEAL_STAGES, 'CLOSED'] as const;
export type DealStage = (typeof DEAL_STAGES)[number];

export const DEAL_STATUSES = ['OPEN', 'WON', 'LOST'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

export type ClosureOutcome = 'WON' | 'LOST';

/** A new deal, OPEN at QUALIFICATION. Amounts are minor units of `currency`. */
export type DealOpened = DomainEvent<
  'DealOpened',
  {
    readonly dealId: string;
    readonly title: string;
    readonly account: string;
    readonly segment: string | null;
    readonly source: Team;
    readonly owner: string;
    readonly amountMinor: number;
    readonly currency: string;
    /** A calendar date YYYY-MM-DD. */
    readonly expectedCloseDate: string | null;
    readonly openedAt: string;
    /** The lead it was converted from; absent on a deal opened directly. */
    readonly leadId?: string;
  }
>;

export type DealTouchRecorded = DomainEvent<
  'DealTouchRecorded',
  {
    readonly dealId: string;
    readonly touchId: string;
    readonly team: Team;
    readonly channel: string;
    readonly campaign: string | null;
    readonly occurredAt: string;
  }
>;

export type DealStageMoved = DomainEvent<
  'DealStageMoved',
  { readonly dealId: string; readonly from: OpenDealStage; readonly to: OpenDealStage }
>;

/** Carries both values after the revision, and what they were before, whichever changed. */
export type DealRevised = DomainEvent<
  'DealRevised',
  {
    readonly dealId: string;
    readonly amountMinor: number;
    readonly expectedCloseDate: string | null;
    readonly previousAmountMinor: number;
    readonly previousExpectedCloseDate: string | null;
  }
>;

/**
 * `closure` counts the deal's closures from 1 (reopenings make more than one); `fromStage` is
 * the stage a reopening returns to.
 */
export type DealWon = DomainEvent<
  'DealWon',
  {
    readonly dealId: string;
    readonly closure: number;
    readonly amountMinor: number;
    readonly closedAt: string;
    readonly fromStage: OpenDealStage;
  }
>;

export type DealLost = DomainEvent<
  'DealLost',
  {
    readonly dealId: string;
    readonly closure: number;
    /** The deal's amount at the loss: what was at stake. */
    readonly amountMinor: number;
    readonly closedAt: string;
    readonly reasonCode: string;
    readonly competitor: string | null;
    readonly fromStage: OpenDealStage;
  }
>;

/** Undoes the latest closure's status, not its record: `closure` names the closure reopened. */
export type DealReopened = DomainEvent<
  'DealReopened',
  {
    readonly dealId: string;
    readonly closure: number;
    readonly stage: OpenDealStage;
    readonly note: string | null;
    readonly reopenedAt: string;
  }
>;

export type DealEvent =
  | DealOpened
  | DealTouchRecorded
  | DealStageMoved
  | DealRevised
  | DealWon
  | DealLost
  | DealReopened;
