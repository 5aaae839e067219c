import type { Aggregate, Decider } from '#shared';
import type { ReasonCommand } from './commands.js';
import { decide } from './decide.js';
import type { ReasonEvent } from './events.js';
import { evolve, initialState, type ReasonCatalog } from './state.js';

export * from './commands.js';
export * from './default-catalog.js';
export * from './events.js';
export * from './state.js';

export const reasonDecider: Decider<ReasonCommand, ReasonEvent, ReasonCatalog> = { initialState, evolve, decide };

/** The one stream that holds the whole catalog. */
export const REASONS_STREAM = 'reasons';

/** The whole catalog as one aggregate in one stream: a merge or a retirement sees every reason. */
export const reasonCatalogAggregate: Aggregate<ReasonCommand, ReasonEvent, ReasonCatalog> = {
  decider: reasonDecider,
  streamFor: () => REASONS_STREAM,
  describe: () => 'The reason catalog',
};
