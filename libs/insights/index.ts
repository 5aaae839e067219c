import type { Projection } from '#projections';

export * from './domain/index.js';
export * from './read-models/scoreboard/insight.model.js';
export { InsightsModule } from './insights.module.js';

/** The read models this context feeds from the log. */
export const INSIGHT_PROJECTIONS: readonly Projection[] = [];
export * from './read-models/goal-progress/insights.reader.js';
