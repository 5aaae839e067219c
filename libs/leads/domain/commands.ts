import { clientIdOrNew, optionalText, parseAmount, parseDate, requireCode, requireCodes, requireId, requireText, type Currency } from '#shared';
import type { ConversionTerms, HandoffDetails } from './events.js';
import type { AgreementSnapshot } from './qualification-state.js';

export interface HandOffLead extends HandoffDetails {
  readonly type: 'HandOffLead';
  readonly leadId: string;
  /** The version in force, resolved by the command layer from the agreement's stream; null when none is. */
  readonly agreement: AgreementSnapshot | null;
}

export interface AcceptLead {
  readonly type: 'AcceptLead';
  readonly leadId: string;
}

export interface RejectionReasonSnapshot {
  readonly code: string;
  readonly kind: 'WIN' | 'LOSS' | 'REJECTION';
  readonly retired: boolean;
}

export interface RejectLead {
  readonly type: 'RejectLead';
  readonly leadId: string;
  readonly reasonCode: string;
  /** The catalog's entry for reasonCode, resolved by the command layer; null when unknown. */
  readonly reason: RejectionReasonSnapshot | null;
  readonly note: string | null;
}

export interface RecycleLead {
  readonly type: 'RecycleLead';
  readonly leadId: string;
  readonly note: string | null;
}

export interface ConvertLead extends ConversionTerms {
  readonly type: 'ConvertLead';
  readonly leadId: string;
}

export type LeadCommand = HandOffLead | AcceptLead | RejectLead | RecycleLead | ConvertLead;

/** What parsing yields before the command layer adds what it reads from other streams. */
export type HandOffLeadRequest = Omit<HandOffLead, 'agreement'>;
export type RejectLeadRequest = Omit<RejectLead, 'reason'>;

// The GraphQL inputs' shapes, as plain objects (field names as the contract spells them).

export interface HandOffLeadFields {
  readonly id?: string | null;
  readonly account: string;
  readonly contact?: string | null;
  readonly segment?: string | null;
  readonly channel: string;
  readonly campaign?: string | null;
  readonly criteriaMet: readonly string[];
  readonly note?: string | null;
}

export interface LeadIdFields {
  readonly leadId: string;
}

export interface RejectLeadFields extends LeadIdFields {
  readonly reasonCode: string;
  readonly note?: string | null;
}

export interface RecycleLeadFields extends LeadIdFields {
  readonly note?: string | null;
}

export interface ConvertLeadFields extends LeadIdFields {
  readonly dealId?: string | null;
  readonly title: string;
  readonly owner: string;
  readonly amount: string;
  readonly expectedCloseDate?: string | null;
}

const NOTE_LENGTH = 2000;

export function parseHandOffLeadInput(input: HandOffLeadFields): HandOffLeadRequest {
  return {
    type: 'HandOffLead',
    leadId: clientIdOrNew(input.id, 'id'),
    account: requireText(input.account, 'account', 1, 200),
    contact: optionalText(input.contact, 'contact', 200),
    segment: optionalText(input.segment, 'segment', 100),
    channel: requireText(input.channel, 'channel', 1, 100),
    campaign: optionalText(input.campaign, 'campaign', 200),
    criteriaMet: requireCodes(input.criteriaMet, 'criteriaMet', { min: 0, max: 20, what: 'criterion' }),
    note: optionalText(input.note, 'note', NOTE_LENGTH, { multiline: true }),
  };
}

export function parseAcceptLeadInput(input: LeadIdFields): AcceptLead {
  return { type: 'AcceptLead', leadId: requireId(input.leadId, 'leadId') };
}

export function parseRejectLeadInput(input: RejectLeadFields): RejectLeadRequest {
  return {
    type: 'RejectLead',
    leadId: requireId(input.leadId, 'leadId'),
    reasonCode: requireCode(input.reasonCode, 'reasonCode', 'a reason code'),
    note: optionalText(input.note, 'note', NOTE_LENGTH, { multiline: true }),
  };
}

export function parseRecycleLeadInput(input: RecycleLeadFields): RecycleLead {
  return { type: 'RecycleLead', leadId: requireId(input.leadId, 'leadId'), note: optionalText(input.note, 'note', NOTE_LENGTH, { multiline: true }) };
}

/** The deal's fields follow openDeal's rules (PRODUCT §3); the lead gives account, segment and source. */
export function parseConvertLeadInput(input: ConvertLeadFields, cur: Currency): ConvertLead {
  return {
    type: 'ConvertLead',
    leadId: requireId(input.leadId, 'leadId'),
    dealId: clientIdOrNew(input.dealId, 'dealId'),
    title: requireText(input.title, 'title', 1, 200),
    owner: requireText(input.owner, 'owner', 1, 200),
    amountMinor: parseAmount(input.amount, 'amount', cur),
    currency: cur.code,
    expectedCloseDate: input.expectedCloseDate === undefined || input.expectedCloseDate === null ? null : parseDate(input.expectedCloseDate, 'expectedCloseDate'),
  };
}
