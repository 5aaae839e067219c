import {
  clientIdOrNew,
  excerpt,
  DomainError,
  invalidInput,
  isTeam,
  optionalText,
  parseAmount,
  parseDate,
  parseInstant,
  requireCode,
  requireId,
  requireText,
  type Currency,
  type Team,
} from '#shared';
import { OPEN_DEAL_STAGES, type OpenDealStage } from './events.js';

export interface OpenDeal {
  readonly type: 'OpenDeal';
  readonly dealId: string;
  readonly title: string;
  readonly account: string;
  readonly segment: string | null;
  readonly source: Team;
  readonly owner: string;
  readonly amountMinor: number;
  /** The deployment's currency, in which the amount was parsed. */
  readonly currency: string;
  readonly expectedCloseDate: string | null;
  /** Epoch ms; null when the client gave none, so that deciding makes it now. */
  readonly openedAt: number | null;
  /** Set when a converted lead opens the deal; openDeal itself never sets it. */
  readonly lead: LeadOrigin | null;
}

/**
 * The lead a deal was converted from, and the MARKETING touch of its handoff that becomes the
 * deal's next event, so attribution sees marketing's part.
 */
export interface LeadOrigin {
  readonly leadId: string;
  readonly touchId: string;
  readonly channel: string;
  readonly campaign: string | null;
  /** Epoch ms: when the lead was handed off. */
  readonly handedOffAt: number;
}

export interface RecordTouch {
  readonly type: 'RecordTouch';
  readonly dealId: string;
  /** Made when parsing when the client chose none, so deciding stays deterministic. */
  readonly touchId: string;
  readonly team: Team;
  readonly channel: string;
  readonly campaign: string | null;
  /** Epoch ms. */
  readonly occurredAt: number;
}

export interface MoveDealStage {
  readonly type: 'MoveDealStage';
  readonly dealId: string;
  readonly stage: OpenDealStage;
}

export interface ReviseDeal {
  readonly type: 'ReviseDeal';
  readonly dealId: string;
  /** null: keep the current value. At least one of the two is set. */
  readonly amountMinor: number | null;
  readonly expectedCloseDate: string | null;
  readonly currency: string;
}

export interface WinDeal {
  readonly type: 'WinDeal';
  readonly dealId: string;
  /** null: the deal's current amount. */
  readonly amountMinor: number | null;
  readonly currency: string;
  /** Epoch ms; null: now. */
  readonly closedAt: number | null;
}

export interface ReasonSnapshot {
  readonly code: string;
  readonly kind: 'WIN' | 'LOSS' | 'REJECTION';
  readonly retired: boolean;
}

export interface LoseDeal {
  readonly type: 'LoseDeal';
  readonly dealId: string;
  readonly reasonCode: string;
  /** The catalog's entry for reasonCode, resolved by the command layer; null when unknown. */
  readonly reason: ReasonSnapshot | null;
  readonly competitor: string | null;
  /** Epoch ms; null: now. */
  readonly closedAt: number | null;
}

export interface ReopenDeal {
  readonly type: 'ReopenDeal';
  readonly dealId: string;
  readonly note: string | null;
}

export type DealCommand = OpenDeal | RecordTouch | MoveDealStage | ReviseDeal | WinDeal | LoseDeal | ReopenDeal;

/** What parsing yields before the command layer adds the catalog's entry for the reason. */
export type LoseDealRequest = Omit<LoseDeal, 'reason'>;

// The GraphQL inputs' shapes, as plain objects (field names as the contract spells them).

export interface OpenDealFields {
  readonly id?: string | null;
  readonly title: string;
  readonly account: string;
  readonly segment?: string | null;
  readonly source: string;
  readonly owner: string;
  readonly amount: string;
  readonly expectedCloseDate?: string | null;
  readonly openedAt?: string | null;
}

export interface RecordTouchFields {
  readonly dealId: string;
  readonly touchId?: string | null;
  readonly team: string;
  readonly channel: string;
  readonly campaign?: string | null;
  readonly occurredAt: string;
}

export interface MoveDealStageFields {
  readonly dealId: string;
  readonly stage: string;
}

export interface ReviseDealFields {
  readonly dealId: string;
  readonly amount?: string | null;
  readonly expectedCloseDate?: string | null;
}

export interface WinDealFields {
  readonly dealId: string;
  readonly amount?: string | null;
  readonly closedAt?: string | null;
}

export interface LoseDealFields {
  readonly dealId: string;
  readonly reasonCode: string;
  readonly competitor?: string | null;
  readonly closedAt?: string | null;
}

export interface ReopenDealFields {
  readonly dealId: string;
  readonly note?: string | null;
}

export function parseOpenDealInput(input: OpenDealFields, cur: Currency): OpenDeal {
  return {
    type: 'OpenDeal',
    dealId: clientIdOrNew(input.id, 'id'),
    title: requireText(input.title, 'title', 1, 200),
    account: requireText(input.account, 'account', 1, 200),
    segment: optionalText(input.segment, 'segment', 100),
    source: parseTeam(input.source, 'source'),
    owner: requireText(input.owner, 'owner', 1, 200),
    amountMinor: parseAmount(input.amount, 'amount', cur),
    currency: cur.code,
    expectedCloseDate: optionalDate(input.expectedCloseDate, 'expectedCloseDate'),
    openedAt: optionalInstant(input.openedAt, 'openedAt'),
    lead: null,
  };
}

export function parseRecordTouchInput(input: RecordTouchFields): RecordTouch {
  return {
    type: 'RecordTouch',
    dealId: requireId(input.dealId, 'dealId'),
    touchId: clientIdOrNew(input.touchId, 'touchId'),
    team: parseTeam(input.team, 'team'),
    channel: requireText(input.channel, 'channel', 1, 100),
    campaign: optionalText(input.campaign, 'campaign', 200),
    occurredAt: parseInstant(input.occurredAt, 'occurredAt'),
  };
}

export function parseMoveDealStageInput(input: MoveDealStageFields): MoveDealStage {
  const dealId = requireId(input.dealId, 'dealId');
  if (input.stage === 'CLOSED') {
    throw invalidInput('stage', 'stage cannot be CLOSED: a deal closes by winDeal or loseDeal');
  }
  if (!(OPEN_DEAL_STAGES as readonly string[]).includes(input.stage)) {
    throw invalidInput('stage', `stage must be one of ${OPEN_DEAL_STAGES.join(', ')}, got "${excerpt(input.stage)}"`);
  }
  return { type: 'MoveDealStage', dealId, stage: input.stage as OpenDealStage };
}

export function parseReviseDealInput(input: ReviseDealFields, cur: Currency): ReviseDeal {
  const dealId = requireId(input.dealId, 'dealId');
  const amountMinor = isGiven(input.amount) ? parseAmount(input.amount, 'amount', cur) : null;
  const expectedCloseDate = optionalDate(input.expectedCloseDate, 'expectedCloseDate');
  if (amountMinor === null && expectedCloseDate === null) {
    // No single field is at fault: it is their absence together.
    throw new DomainError('INVALID_INPUT', 'reviseDeal needs at least one of amount and expectedCloseDate');
  }
  return { type: 'ReviseDeal', dealId, amountMinor, expectedCloseDate, currency: cur.code };
}

export function parseWinDealInput(input: WinDealFields, cur: Currency): WinDeal {
  return {
    type: 'WinDeal',
    dealId: requireId(input.dealId, 'dealId'),
    amountMinor: isGiven(input.amount) ? parseAmount(input.amount, 'amount', cur) : null,
    currency: cur.code,
    closedAt: optionalInstant(input.closedAt, 'closedAt'),
  };
}

export function parseLoseDealInput(input: LoseDealFields): LoseDealRequest {
  const dealId = requireId(input.dealId, 'dealId');
  return {
    type: 'LoseDeal',
    dealId,
    reasonCode: requireCode(input.reasonCode, 'reasonCode', 'a reason code'),
    competitor: optionalText(input.competitor, 'competitor', 200),
    closedAt: optionalInstant(input.closedAt, 'closedAt'),
  };
}

export function parseReopenDealInput(input: ReopenDealFields): ReopenDeal {
  return {
    type: 'ReopenDeal',
    dealId: requireId(input.dealId, 'dealId'),
    note: optionalText(input.note, 'note', 1000, { multiline: true }),
  };
}

function parseTeam(value: string, field: string): Team {
  if (!isTeam(value)) throw invalidInput(field, `${field} must be MARKETING or SALES, got "${excerpt(value)}"`);
  return value;
}

function isGiven<T>(value: T | null | undefined): value is T {
  return value !== undefined && value !== null;
}

function optionalDate(value: string | null | undefined, field: string): string | null {
  return isGiven(value) ? parseDate(value, field) : null;
}

function optionalInstant(value: string | null | undefined, field: string): number | null {
  return isGiven(value) ? parseInstant(value, field) : null;
}
