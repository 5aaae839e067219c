import type { Projection } from '#projections';
import { goalsProjection } from './read-models/shared-goal/goal.projection.js';

export * from './domain/index.js';
export * from './read-models/shared-goal/shared-goal.model.js';
export { GoalsModule } from './goals.module.js';
export { GOALS_PROJECTION, goalsProjection } from './read-models/shared-goal/goal.projection.js';
export { goalTargetAtLoader } from './read-models/shared-goal/goal-loader.js';
export { GoalsReader, type GoalRow } from './read-models/shared-goal/goals.reader.js';

/** The read models this context feeds from the log. */
export const GOAL_PROJECTIONS: readonly Projection[] = [goalsProjection];
