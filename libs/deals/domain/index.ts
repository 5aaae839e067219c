import type { Aggregate, Decider } from '#shared';
import type { DealCommand } from './commands.js';
import { decide } from './decide.js';
import type { DealEvent } from './events.js';
import { evolve, initialState, type DealStreamState } from './state.js';

export * from './commands.js';
export * from './events.js';
export * from './state.js';

export const dealDecider: Decider<DealCommand, DealEvent, DealStreamState> = { initialState, evolve, decide };

/** The stream that holds one deal. */
const streamFor = (dealId: string): string => `deal-${dealId}`;

/** Deals as one aggregate: a deal per stream. */
export const dealAggregate: Aggregate<DealCommand, DealEvent, DealStreamState> = {
  decider: dealDecider,
  streamFor,
  describe: (dealId) => `Deal "${dealId}"`,
};
