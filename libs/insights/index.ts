import type { Projection } from '#projections';
import { insightsDealsProjection } from './read-models/goal-progress/insights-deals.projection.js';
import { citationsProjection } from './read-models/reason-insights/citations.projection.js';

export * from './domain/index.js';
export * from './read-models/scoreboard/insight.model.js';
export { InsightsModule } from './insights.module.js';
export * from './read-models/goal-progress/insights.reader.js';
export { insightsDealsProjection } from './read-models/goal-progress/insights-deals.projection.js';
export { citationsProjection } from './read-models/reason-insights/citations.projection.js';
export { ScoreboardQuery } from './read-models/scoreboard/scoreboard.query-handler.js';
export { ReasonInsightsQuery } from './read-models/reason-insights/reason-insights.query-handler.js';

/** The read models this context feeds from the log. */
export const INSIGHT_PROJECTIONS: readonly Projection[] = [insightsDealsProjection, citationsProjection];
