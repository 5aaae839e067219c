import type { Aggregate, Decider } from '#shared';
import type { GoalCommand } from './commands.js';
import { decide } from './decide.js';
import type { GoalEvent } from './events.js';
import { evolve, initialState, type GoalState } from './state.js';

export * from './commands.js';
export * from './events.js';
export * from './state.js';

export const goalDecider: Decider<GoalCommand, GoalEvent, GoalState> = { initialState, evolve, decide };

/** The stream that holds one shared goal. */
const streamFor = (goalId: string): string => `goal-${goalId}`;

/** Shared goals as one aggregate: a goal per stream. */
export const goalAggregate: Aggregate<GoalCommand, GoalEvent, GoalState> = {
  decider: goalDecider,
  streamFor,
  describe: (goalId) => `Shared goal "${goalId}"`,
};
