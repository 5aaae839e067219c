import type { DomainEvent } from '#shared';

export const LEAD_EVENT_TYPES = ['LeadHandedOff', 'LeadAccepted', 'LeadRejected', 'LeadRecycled', 'LeadConverted'] as const;

export const LEAD_STATUSES = ['HANDED_OFF', 'ACCEPTED', 'REJECTED', 'RECYCLED', 'CONVERTED'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/** What marketing hands over; a re-handoff after recycling may hand over other details. */
export interface HandoffDetails {
  readonly account: string;
  readonly contact: string | null;
  readonly segment: string | null;
  readonly channel: string;
  readonly campaign: string | null;
  /** Codes of the version in force, in the order given. */
  readonly criteriaMet: readonly string[];
  readonly note: string | null;
}

/**
 * A handoff, numbered from 1 per lead, under the agreement version in force at `handedOffAt`
 * (server time). Whether it meets that version and when sales owes an answer are fixed here, so
 * a later version never rewrites what was measured under this one.
 */
export type LeadHandedOff = DomainEvent<
  'LeadHandedOff',
  HandoffDetails & {
    readonly leadId: string;
    readonly handoff: number;
    readonly agreementVersion: number;
    readonly meetsAgreement: boolean;
    readonly handedOffAt: string;
    readonly respondBy: string;
  }
>;

export type LeadAccepted = DomainEvent<'LeadAccepted', { readonly leadId: string; readonly handoff: number; readonly at: string }>;

export type LeadRejected = DomainEvent<
  'LeadRejected',
  { readonly leadId: string; readonly handoff: number; readonly reasonCode: string; readonly note: string | null; readonly at: string }
>;

export type LeadRecycled = DomainEvent<
  'LeadRecycled',
  { readonly leadId: string; readonly handoff: number; readonly note: string | null; readonly at: string }
>;

/** The deal a conversion opens, as convertLead was given it; money in minor units of `currency`. */
export interface ConversionTerms {
  readonly dealId: string;
  readonly title: string;
  readonly owner: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly expectedCloseDate: string | null;
}

/**
 * The lead's claim on its one deal, written before the deal: it carries all the deal's opening
 * and its first touch needs, so a conversion cut short between the two streams can be finished
 * from it alone (roll forward, never back).
 */
export type LeadConverted = DomainEvent<
  'LeadConverted',
  ConversionTerms & {
    readonly leadId: string;
    readonly handoff: number;
    readonly account: string;
    readonly segment: string | null;
    readonly channel: string;
    readonly campaign: string | null;
    readonly handedOffAt: string;
    readonly convertedAt: string;
  }
>;

export type LeadEvent = LeadHandedOff | LeadAccepted | LeadRejected | LeadRecycled | LeadConverted;
