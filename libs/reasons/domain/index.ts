import type { Decider } from '#shared';
import type { ReasonCommand } from './commands.js';
import { decide } from './decide.js';
import type { ReasonEvent } from './events.js';
import { evolve, initialState, type ReasonCatalog } from './state.js';

export * from './commands.js';
export { decide } from './decide.js';
export * from './default-catalog.js';
export * from './events.js';
export * from './state.js';

export const reasonDecider: Decider<ReasonCommand, ReasonEvent, ReasonCatalog> = { initialState, evolve, decide };

/** The one stream that holds the whole catalog. */
export const REASONS_STREAM = 'reasons';

/** Every reason lives in the catalog's one stream, whatever its code. */
export const streamFor = (_code?: string): string => REASONS_STREAM;
