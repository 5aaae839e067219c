import type { HandoffDetails, LeadConverted, LeadEvent, LeadStatus } from './events.js';

/** The latest handoff, as deciding and converting read it. */
export interface HandoffState extends HandoffDetails {
  /** From 1. */
  readonly number: number;
  readonly agreementVersion: number;
  readonly handedOffAt: string;
}

/** What deciding a lead's commands reads: nothing more. */
export interface LeadState {
  readonly id: string;
  readonly status: LeadStatus;
  readonly handoff: HandoffState;
  /** Set once the lead is converted: its claim, all the deal's opening needs. */
  readonly conversion: LeadConverted['data'] | null;
}

/** null until the lead is first handed off. */
export type LeadStreamState = LeadState | null;

export const initialState = (): LeadStreamState => null;

export function evolve(state: LeadStreamState, event: LeadEvent): LeadStreamState {
  if (event.type === 'LeadHandedOff') {
    const { leadId, handoff, account, contact, segment, channel, campaign, criteriaMet, note, agreementVersion, handedOffAt } = event.data;
    return {
      id: leadId,
      status: 'HANDED_OFF',
      handoff: { number: handoff, account, contact, segment, channel, campaign, criteriaMet, note, agreementVersion, handedOffAt },
      conversion: null,
    };
  }
  // Nothing but a handoff starts a lead's stream.
  if (state === null) return state;
  switch (event.type) {
    case 'LeadAccepted':
      return { ...state, status: 'ACCEPTED' };
    case 'LeadRejected':
      return { ...state, status: 'REJECTED' };
    case 'LeadRecycled':
      return { ...state, status: 'RECYCLED' };
    case 'LeadConverted':
      return { ...state, status: 'CONVERTED', conversion: event.data };
  }
}
