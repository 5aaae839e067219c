import type { Aggregate, Decider } from '#shared';
import type { RetrospectiveCommand } from './commands.js';
import { decide } from './decide.js';
import type { RetrospectiveEvent } from './events.js';
import { evolve, initialState, type RetroState } from './state.js';

export * from './commands.js';
export * from './events.js';
export * from './state.js';
export * from './closure-claim.js';

export const retrospectiveDecider: Decider<RetrospectiveCommand, RetrospectiveEvent, RetroState> = {
  initialState,
  evolve,
  decide,
};

/** The stream that holds one retrospective. */
const streamFor = (retrospectiveId: string): string => `retrospective-${retrospectiveId}`;

/** Retrospectives as one aggregate: a retrospective per stream. */
export const retrospectiveAggregate: Aggregate<RetrospectiveCommand, RetrospectiveEvent, RetroState> = {
  decider: retrospectiveDecider,
  streamFor,
  describe: (retrospectiveId) => `Retrospective "${retrospectiveId}"`,
};
