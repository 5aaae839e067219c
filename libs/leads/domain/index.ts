import type { Aggregate, Decider } from '#shared';
import type { LeadCommand } from './commands.js';
import { decide } from './decide.js';
import type { LeadEvent } from './events.js';
import type { QualificationCommand } from './qualification-commands.js';
import { decideQualification } from './qualification-decide.js';
import type { QualificationEvent } from './qualification-events.js';
import { evolveQualification, initialQualificationState, type QualificationState } from './qualification-state.js';
import { evolve, initialState, type LeadStreamState } from './state.js';

export * from './commands.js';
export * from './events.js';
export * from './funnel.js';
export * from './qualification-commands.js';
export * from './qualification-events.js';
export * from './qualification-state.js';
export * from './state.js';

export const qualificationDecider: Decider<QualificationCommand, QualificationEvent, QualificationState> = {
  initialState: initialQualificationState,
  evolve: evolveQualification,
  decide: decideQualification,
};

/** The one stream of the deployment's qualification agreement, every version in it. */
export const QUALIFICATION_STREAM = 'qualification';

/** The agreement as one aggregate in one stream: a proposal sees the open one it withdraws. */
export const qualificationAggregate: Aggregate<QualificationCommand, QualificationEvent, QualificationState> = {
  decider: qualificationDecider,
  streamFor: () => QUALIFICATION_STREAM,
  describe: () => 'The qualification agreement',
};

export const leadDecider: Decider<LeadCommand, LeadEvent, LeadStreamState> = { initialState, evolve, decide };

/** The stream that holds one lead, every handoff of it included. */
const streamFor = (leadId: string): string => `lead-${leadId}`;

/** Leads as one aggregate: a lead per stream. */
export const leadAggregate: Aggregate<LeadCommand, LeadEvent, LeadStreamState> = {
  decider: leadDecider,
  streamFor,
  describe: (leadId) => `Lead "${leadId}"`,
};
