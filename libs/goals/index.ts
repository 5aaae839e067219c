import type { Projection } from '#projections';

export * from './domain/index.js';
export * from './read-models/shared-goal/shared-goal.model.js';
export { GoalsModule } from './goals.module.js';

/** The read models this context feeds from the log. */
export const GOAL_PROJECTIONS: readonly Projection[] = [];
